package dev.licensewatch.vspc.contract.checks;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.licensewatch.vspc.contract.PactJson;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filter, sort and select query parameters of the pact's requests. The document declares each
 * as a string holding JSON text and names that text's schema in {@code x-json-schema}; the request
 * validator sees only the string, so the JSON is checked here against its schema.
 */
final class JsonQuery {
  private static final OpenAPI API = parse();
  private static final SchemaValidator SCHEMAS = new SchemaValidator(API, new MessageResolver());

  private JsonQuery() {}

  private static OpenAPI parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser()
        .readContents(PactSpecConformance.SPEC_TEXT, null, options)
        .getOpenAPI();
  }

  /** One problem per JSON query parameter that breaks its schema. */
  static List<String> violations(Request request) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Parameter> p : API.getComponents().getParameters().entrySet()) {
      Parameter parameter = p.getValue();
      Object schemaRef =
          parameter.getExtensions() == null ? null : parameter.getExtensions().get("x-json-schema");
      if (!"query".equals(parameter.getIn()) || !(schemaRef instanceof String ref)) {
        continue;
      }
      request
          .getQueryParameterValues(parameter.getName())
          .forEach(
              json -> {
                Schema<?> schema =
                    API.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
                ValidationReport report = SCHEMAS.validate(json, schema, parameter.getName());
                report
                    .getMessages()
                    .forEach(
                        m ->
                            problems.add(
                                parameter.getName()
                                    + " "
                                    + json
                                    + ": "
                                    + m.getKey()
                                    + ": "
                                    + m.getMessage()));
              });
    }
    return problems;
  }

  /** The properties a request selects; empty when it has no select. */
  static Set<String> selected(Request request) {
    Set<String> selected = new HashSet<>();
    request
        .getQueryParameterValues("select")
        .forEach(
            json -> {
              try {
                for (JsonNode expression : PactJson.MAPPER.readTree(json)) {
                  selected.add(expression.path("propertyPath").asText());
                }
              } catch (java.io.IOException e) {
                // not JSON: violations() reports it
              }
            });
    return selected;
  }

  /**
   * Whether a message is only that a required property is missing which the request did not select:
   * with select, the server leaves out every other property, even a required one.
   */
  static boolean notSelected(ValidationReport.Message message, Set<String> selected) {
    if (selected.isEmpty()
        || !message.getKey().equals("validation.response.body.schema.required")) {
      return false;
    }
    // e.g. Object has missing required properties (["autoUpdateEnabled"])
    String text = message.getMessage();
    int open = text.indexOf("([");
    int close = text.indexOf("])", open);
    if (open < 0 || close < 0) {
      return false;
    }
    for (String name : text.substring(open + 2, close).split(",")) {
      if (selected.contains(name.trim().replace("\"", ""))) {
        return false;
      }
    }
    return true;
  }
}

package dev.licensewatch.vspc.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenAPI document as other teams see it: read from the classpath at {@value #RESOURCE}, parsed
 * by swagger-parser and wrapped in a request/response validator. Also its closed-enums view
 * ({@value #CLOSED_RESOURCE}, derived at build time), whose validator rejects enum values outside
 * the known lists. Loaded once per test JVM.
 */
final class SpecDocument {

  static final String RESOURCE = "openapi/vspc-licensing-v3.yaml";
  static final String JSON_RESOURCE = "openapi/vspc-licensing-v3.json";
  static final String CLOSED_RESOURCE = "openapi/vspc-licensing-v3.closed-enums.json";
  static final String PATH = "/api/v3/licensing/backupServers";

  /** A concrete id of an asynchronous action, for its path's {@code {actionId}}. */
  static final String ACTION_ID = "0b3c1f6e-2d4a-4c5b-8e9f-7a6b5c4d3e2f";

  static final String JSON = "application/json";

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The eight properties of a licence the contract lets be null, in document order. */
  static final List<String> NULLABLE =
      List.of(
          "edition",
          "monitoring",
          "expirationDate",
          "supportExpirationDate",
          "sockets",
          "usedSockets",
          "capacity",
          "usedCapacity");

  private static final String TEXT = readClasspath(RESOURCE);
  private static final SwaggerParseResult PARSE_RESULT = parse(TEXT);
  private static final JsonNode TREE = readTree(TEXT);
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(TEXT).build();
  private static final OpenApiInteractionValidator CLOSED_VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(readClasspath(CLOSED_RESOURCE))
          .build();

  private SpecDocument() {}

  static String text() {
    return TEXT;
  }

  static SwaggerParseResult parseResult() {
    return PARSE_RESULT;
  }

  static OpenAPI openApi() {
    return PARSE_RESULT.getOpenAPI();
  }

  /** The raw YAML as a tree, exactly as written (nothing resolved or normalised). */
  static JsonNode tree() {
    return TREE;
  }

  static OpenApiInteractionValidator validator() {
    return VALIDATOR;
  }

  static Schema<?> schema(String name) {
    Schema<?> schema = openApi().getComponents().getSchemas().get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + name);
    }
    return schema;
  }

  /** Follows a local {@code $ref} of the raw tree ("#/components/..."); other nodes as they are. */
  static JsonNode deref(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local references are expected: " + ref);
      }
      current = TREE.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalArgumentException("dangling reference " + ref);
      }
    }
    return current;
  }

  /**
   * The name a {@code $ref} points to, its last segment: "Error" of "#/components/schemas/Error".
   */
  static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /** The names of the component schemas some response uses, directly or through others. */
  static java.util.Set<String> schemasInResponses() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    TREE.path("paths")
        .forEach(
            path ->
                path.forEach(
                    operation ->
                        operation
                            .path("responses")
                            .forEach(response -> collectSchemas(deref(response), names))));
    return names;
  }

  private static void collectSchemas(JsonNode node, java.util.Set<String> names) {
    if (node.has("$ref") && node.get("$ref").asText().startsWith("#/components/schemas/")) {
      String ref = node.get("$ref").asText();
      if (names.add(refName(ref))) {
        collectSchemas(deref(node), names);
      }
      return;
    }
    node.properties()
        .forEach(
            field -> {
              if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                collectSchemas(field.getValue(), names);
              }
            });
    if (node.isArray()) {
      node.forEach(item -> collectSchemas(item, names));
    }
  }

  static ValidationReport validateResponse(int status, String jsonBody) {
    return validateResponse(
        SimpleResponse.Builder.status(status).withContentType(JSON).withBody(jsonBody));
  }

  static ValidationReport validateResponse(SimpleResponse.Builder response) {
    return validateResponse(PATH, response);
  }

  /** Validates a response of {@code GET path} (a concrete path, {@code {actionId}} filled in). */
  static ValidationReport validateResponse(String path, SimpleResponse.Builder response) {
    return VALIDATOR.validateResponse(path, Request.Method.GET, response.build());
  }

  /**
   * Validates the JSON text of a query parameter declared as a string whose JSON schema {@code
   * x-json-schema} names (filter, sort, select) against that schema; the validator does not look
   * inside a string parameter itself.
   */
  static ValidationReport validateJsonParameter(String name, String jsonText) {
    JsonNode parameter = null;
    for (JsonNode p : TREE.path("components").path("parameters")) {
      if (p.path("name").asText().equals(name)) {
        parameter = p;
      }
    }
    if (parameter == null || !parameter.has("x-json-schema")) {
      throw new IllegalArgumentException("no JSON query parameter " + name);
    }
    String ref = parameter.get("x-json-schema").asText();
    Schema<?> schema = schema(refName(ref));
    return new SchemaValidator(openApi(), new MessageResolver()).validate(jsonText, schema, name);
  }

  /** Validates against the closed-enums view: an enum value outside the known lists fails. */
  static ValidationReport validateResponseClosed(int status, String jsonBody) {
    return CLOSED_VALIDATOR.validateResponse(
        PATH,
        Request.Method.GET,
        SimpleResponse.Builder.status(status).withContentType(JSON).withBody(jsonBody).build());
  }

  /** An authenticated GET of the collection, to which a test adds its parameters. */
  static SimpleRequest.Builder authenticatedGet() {
    return SimpleRequest.Builder.get(PATH).withAuthorization("Bearer test-token");
  }

  static ValidationReport validateRequest(SimpleRequest.Builder request) {
    return VALIDATOR.validateRequest(request.build());
  }

  static String format(ValidationReport report) {
    return SimpleValidationReportFormat.getInstance().apply(report);
  }

  static String readClasspath(String resource) {
    ClassLoader loader = SpecDocument.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SwaggerParseResult parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(text, null, options);
  }

  /** The known values of an extensible enumeration schema (its {@code x-extensible-enum} list). */
  @SuppressWarnings("unchecked")
  static java.util.List<String> knownValues(Schema<?> schema) {
    Object known =
        schema.getExtensions() == null ? null : schema.getExtensions().get("x-extensible-enum");
    if (!(known instanceof java.util.List<?> list)) {
      return null;
    }
    return (java.util.List<String>) list;
  }

  static JsonNode readJson(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readTree(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

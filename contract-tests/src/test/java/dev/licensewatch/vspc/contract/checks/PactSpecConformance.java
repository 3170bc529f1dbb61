package dev.licensewatch.vspc.contract.checks;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.contract.PactJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates every interaction of a pact file against the api-spec OpenAPI document with
 * swagger-request-validator's {@link OpenApiInteractionValidator}, in a plain loop over the pact's
 * JSON (its PactProviderValidator helper does not work with Pact JVM 4.7).
 *
 * <p>The document is read in its closed-enums view (each {@code x-extensible-enum} list also
 * declared as {@code enum}): the pact's examples are ours, so they must use the known PascalCase
 * values, and a value outside the lists fails here. What the validator does not check: a missing
 * bearer token (security is not validated), and the JSON inside the filter, sort and select
 * parameters, which {@link JsonQuery} checks against their schemas. A licence that leaves out a
 * required property the request did not select is what select means, not a violation.
 */
final class PactSpecConformance {
  static final String SPEC = "openapi/vspc-licensing-v3.closed-enums.json";

  /**
   * Interactions whose request breaks the spec on purpose; only their response is validated. {@code
   * limit=501} is outside the spec's 1..500, which is the point of the 400 interaction.
   */
  static final Map<String, String> REQUEST_BREAKS_SPEC_ON_PURPOSE =
      Map.of(
          "a request with limit out of range (limit=501)",
          "limit=501 is out of range by design: the interaction pins the server's 400 for it");

  /** The text of {@link #SPEC}, read once for the validator here and {@link JsonQuery}. */
  static final String SPEC_TEXT = Contract.specText(SPEC);

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(SPEC_TEXT).build();

  private PactSpecConformance() {}

  /** One line per problem, each naming the interaction; empty when the pact conforms. */
  static List<String> violations(Path pactFile) {
    JsonNode pact = PactJson.read(pactFile);
    List<String> problems = new ArrayList<>();
    JsonNode interactions = pact.path("interactions");
    if (interactions.isEmpty()) {
      problems.add("the pact has no interactions");
    }
    for (JsonNode interaction : interactions) {
      String description = interaction.path("description").asText();
      String type = interaction.path("type").asText("Synchronous/HTTP");
      if (!type.equals("Synchronous/HTTP")) {
        problems.add("'" + description + "': unexpected interaction type " + type);
        continue;
      }
      JsonNode req = interaction.path("request");
      JsonNode res = interaction.path("response");
      Request request = request(req);
      SimpleResponse response = response(res);
      ValidationReport report =
          REQUEST_BREAKS_SPEC_ON_PURPOSE.containsKey(description)
              ? VALIDATOR.validateResponse(request.getPath(), request.getMethod(), response)
              : VALIDATOR.validate(request, response);
      Set<String> selected = JsonQuery.selected(request);
      for (ValidationReport.Message m : report.getMessages()) {
        if (m.getLevel() == ValidationReport.Level.ERROR && !JsonQuery.notSelected(m, selected)) {
          problems.add("'" + description + "': " + m.getKey() + ": " + m.getMessage());
        }
      }
      JsonQuery.violations(request).forEach(p -> problems.add("'" + description + "': " + p));
    }
    return problems;
  }

  private static Request request(JsonNode req) {
    SimpleRequest.Builder b =
        new SimpleRequest.Builder(req.path("method").asText("GET"), req.path("path").asText());
    req.path("query")
        .properties()
        .forEach(e -> e.getValue().forEach(v -> b.withQueryParam(e.getKey(), v.asText())));
    req.path("headers")
        .properties()
        .forEach(e -> e.getValue().forEach(v -> b.withHeader(e.getKey(), v.asText())));
    body(req).ifPresent(b::withBody);
    return b.build();
  }

  private static SimpleResponse response(JsonNode res) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(res.path("status").asInt());
    res.path("headers")
        .properties()
        .forEach(
            e -> {
              List<String> values = new ArrayList<>();
              e.getValue().forEach(v -> values.add(v.asText()));
              b.withHeader(e.getKey(), values);
            });
    body(res).ifPresent(b::withBody);
    return b.build();
  }

  private static java.util.Optional<String> body(JsonNode message) {
    JsonNode body = message.path("body");
    if (body.isMissingNode() || body.isNull()) {
      return java.util.Optional.empty();
    }
    JsonNode content = body.has("content") ? body.get("content") : body; // V4 or V3 layout
    return java.util.Optional.of(content.isTextual() ? content.asText() : content.toString());
  }
}

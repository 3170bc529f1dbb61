package dev.licensewatch.vspc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example written in the document is a valid message: each response example (whether inline
 * under {@code example}, under {@code examples}, or a component example referenced from there) is
 * validated by swagger-request-validator as the response of its status, together with the examples
 * of that response's headers; each parameter example is validated as a request.
 */
@DisplayName("Every example in the document")
class ExamplesTest {

  /** One response example: where it is written, its path and status, and its JSON body. */
  record ResponseExample(
      String location, String path, int status, String body, Map<String, String> headers) {}

  @TestFactory
  @DisplayName("validates as the response of its status")
  Stream<DynamicTest> responseExamplesValidate() {
    List<ResponseExample> examples = responseExamples(new LinkedHashSet<>());
    assertThat(examples).as("response examples found").hasSizeGreaterThanOrEqualTo(9);
    return examples.stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example.status() + " " + example.location(),
                    () -> {
                      SimpleResponse.Builder response =
                          SimpleResponse.Builder.status(example.status())
                              .withContentType(SpecDocument.JSON)
                              .withBody(example.body());
                      example.headers().forEach(response::withHeader);
                      ValidationReport report =
                          SpecDocument.validateResponse(example.path(), response);
                      assertThat(report.getMessages())
                          .as(
                              "validation of %s:%n%s",
                              example.location(), SpecDocument.format(report))
                          .isEmpty();
                    }));
  }

  @Test
  @DisplayName("component examples are all used by a response, so none escapes validation")
  void everyComponentExampleIsValidated() {
    Set<String> used = new LinkedHashSet<>();
    responseExamples(used);
    Set<String> declared = new LinkedHashSet<>();
    SpecDocument.tree()
        .path("components")
        .path("examples")
        .fieldNames()
        .forEachRemaining(declared::add);
    assertThat(declared).isNotEmpty();
    assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  @DisplayName("the current-server example keeps its nulls when read for validation")
  void nullsSurviveReading() {
    String body =
        responseExamples(new LinkedHashSet<>()).stream()
            .filter(e -> e.location().endsWith("CurrentServerPage"))
            .findFirst()
            .orElseThrow()
            .body();
    assertThat(body)
        .contains("\"usedCapacity\":null", "\"supportExpirationDate\":null", "\"edition\":null");
  }

  @TestFactory
  @DisplayName("parameter examples are accepted in a request, and JSON ones by their x-json-schema")
  Stream<DynamicTest> parameterExamplesValidate() {
    JsonNode parameters = SpecDocument.tree().path("components").path("parameters");
    List<DynamicTest> tests = new ArrayList<>();
    parameters
        .properties()
        .forEach(
            entry -> {
              JsonNode parameter = entry.getValue();
              List<JsonNode> examples = new ArrayList<>();
              JsonNode single =
                  parameter.has("example")
                      ? parameter.get("example")
                      : parameter.path("schema").get("example");
              if (single != null) {
                examples.add(single);
              }
              parameter.path("examples").forEach(e -> examples.add(e.get("value")));
              String name = parameter.get("name").asText();
              String in = parameter.get("in").asText();
              for (JsonNode example : examples) {
                tests.add(
                    DynamicTest.dynamicTest(
                        in + " " + name + " = " + example.asText(),
                        () -> {
                          var request = SpecDocument.authenticatedGet();
                          if (in.equals("query")) {
                            request.withQueryParam(name, example.asText());
                          } else {
                            request.withHeader(name, example.asText());
                          }
                          ValidationReport report = SpecDocument.validateRequest(request);
                          assertThat(report.getMessages())
                              .as(SpecDocument.format(report))
                              .isEmpty();
                          if (parameter.has("x-json-schema")) {
                            ValidationReport json =
                                SpecDocument.validateJsonParameter(name, example.asText());
                            assertThat(json.getMessages()).as(SpecDocument.format(json)).isEmpty();
                          }
                        }));
              }
            });
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests.stream();
  }

  @Test
  @DisplayName(
      "a JSON parameter's schema check rejects malformed JSON, an unknown operation and an unknown member")
  void jsonParameterCheckRejects() {
    assertThat(
            SpecDocument.validateJsonParameter("filter", "[{\"property\":\"status\"").getMessages())
        .isNotEmpty();
    assertThat(
            SpecDocument.validateJsonParameter(
                    "filter", "[{\"property\":\"status\",\"operation\":\"like\",\"value\":\"x\"}]")
                .getMessages())
        .isNotEmpty();
    assertThat(
            SpecDocument.validateJsonParameter(
                    "sort",
                    "[{\"property\":\"status\",\"direction\":\"descending\",\"nulls\":\"last\"}]")
                .getMessages())
        .isNotEmpty();
    assertThat(
            SpecDocument.validateJsonParameter("select", "[{\"propertyPath\":\"company\"}]")
                .getMessages())
        .isEmpty();
  }

  /** Walks the raw document; adds the names of the component examples it meets to {@code used}. */
  static List<ResponseExample> responseExamples(Set<String> used) {
    List<ResponseExample> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : SpecDocument.tree().path("paths").properties()) {
      String concrete = path.getKey().replace("{actionId}", SpecDocument.ACTION_ID);
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        for (Map.Entry<String, JsonNode> entry : op.getValue().path("responses").properties()) {
          int status = Integer.parseInt(entry.getKey());
          String where = path.getKey() + " " + op.getKey() + " " + entry.getKey();
          JsonNode response = SpecDocument.deref(entry.getValue());
          Map<String, String> headers = headerExamples(response);
          for (Map.Entry<String, JsonNode> media : response.path("content").properties()) {
            JsonNode mediaType = media.getValue();
            if (mediaType.has("example")) {
              found.add(
                  new ResponseExample(
                      where + " " + media.getKey() + " example",
                      concrete,
                      status,
                      mediaType.get("example").toString(),
                      headers));
            }
            for (Map.Entry<String, JsonNode> ex : mediaType.path("examples").properties()) {
              JsonNode example = ex.getValue();
              String label = where + " " + media.getKey() + " examples." + ex.getKey();
              if (example.has("$ref")) {
                String ref = example.get("$ref").asText();
                used.add(SpecDocument.refName(ref));
                label += " -> " + ref;
              }
              JsonNode value = SpecDocument.deref(example).get("value");
              assertThat(value).as("value of %s", label).isNotNull();
              found.add(new ResponseExample(label, concrete, status, value.toString(), headers));
            }
          }
        }
      }
    }
    return found;
  }

  private static Map<String, String> headerExamples(JsonNode response) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    response
        .path("headers")
        .properties()
        .forEach(
            h -> {
              JsonNode header = SpecDocument.deref(h.getValue());
              JsonNode example =
                  header.has("example")
                      ? header.get("example")
                      : header.path("schema").get("example");
              if (example != null) {
                headers.put(h.getKey(), example.asText());
              }
            });
    return headers;
  }
}

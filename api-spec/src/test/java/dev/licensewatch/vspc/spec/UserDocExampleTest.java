package dev.licensewatch.vspc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The example response from the user's documentation, kept verbatim in the corpus as {@code
 * openapi/examples/user-documentation-page.json}. It was written against an older server that sent
 * enum values in lowercase; the document lists today's PascalCase values as known values of
 * extensible enumerations, so the example is valid as written, and only the closed-enums view
 * (known values only, case-sensitive) tells its lowercase values apart.
 */
@DisplayName("The user's documentation example response")
class UserDocExampleTest {

  private static final String FIXTURE = "openapi/examples/user-documentation-page.json";

  /** The lowercase values written in the fixture, one per enum-typed value, in document order. */
  private static final int ENUM_VALUES_IN_FIXTURE = 12;

  @Test
  @DisplayName("as written, validates against the document")
  void asWrittenValidates() {
    ValidationReport report =
        SpecDocument.validateResponse(200, SpecDocument.readClasspath(FIXTURE));
    assertThat(report.getMessages()).as(SpecDocument.format(report)).isEmpty();
  }

  @Test
  @DisplayName("is in the document, verbatim, as the response example UserDocumentationPage")
  void isTheDocumentsNamedExample() throws IOException {
    JsonNode example = SpecDocument.tree().at("/components/examples/UserDocumentationPage/value");
    assertThat(example)
        .isEqualTo(SpecDocument.MAPPER.readTree(SpecDocument.readClasspath(FIXTURE)));
    assertThat(
            SpecDocument.tree()
                .at(
                    "/paths/~1api~1v3~1licensing~1backupServers/get/responses/200/content/application~1json/examples"
                        + "/userDocumentation/$ref")
                .asText())
        .isEqualTo("#/components/examples/UserDocumentationPage");
  }

  @Test
  @DisplayName(
      "against the closed-enums view, breaks only enum values (the lowercase ones), nothing else")
  void asWrittenOnlyEnumCaseDiffers() {
    ValidationReport report =
        SpecDocument.validateResponseClosed(200, SpecDocument.readClasspath(FIXTURE));

    assertThat(report.hasErrors()).isTrue();
    assertThat(report.getMessages())
        .as(SpecDocument.format(report))
        .allSatisfy(m -> assertThat(m.getKey()).isEqualTo("validation.response.body.schema.enum"));
    List<String> pointers =
        report.getMessages().stream()
            .map(
                m ->
                    m.getContext()
                        .flatMap(ValidationReport.MessageContext::getPointers)
                        .map(ValidationReport.MessageContext.Pointers::getInstance)
                        .orElse("?"))
            .toList();
    assertThat(pointers)
        .as(SpecDocument.format(report))
        .hasSize(ENUM_VALUES_IN_FIXTURE)
        .allMatch(
            p ->
                p.matches(
                    "/data/[01]/(status|cloudConnect|unitType|type|packages/0|sectionTypes/0)"));
  }

  @Test
  @DisplayName(
      "with each enum value mapped case-insensitively to the known values, validates against the closed view")
  void canonicalisedValidates() throws IOException {
    JsonNode fixture = SpecDocument.MAPPER.readTree(SpecDocument.readClasspath(FIXTURE));
    List<String> mapped = new ArrayList<>();
    JsonNode canonical = canonicalise(fixture, mapped);

    assertThat(mapped)
        .hasSize(ENUM_VALUES_IN_FIXTURE)
        .containsExactly(
            "backup->Backup",
            "instance->Instance",
            "valid->Valid",
            "no->No",
            "instances->Instances",
            "rental->Rental",
            "backup->Backup",
            "instance->Instance",
            "valid->Valid",
            "no->No",
            "points->Points",
            "rental->Rental");
    ValidationReport report = SpecDocument.validateResponseClosed(200, canonical.toString());
    assertThat(report.getMessages()).as(SpecDocument.format(report)).isEmpty();
  }

  @Test
  @DisplayName(
      "keeps its nulls, which the document allows (supportExpirationDate, monitoring, capacity...)")
  void fixtureHasTheNullsItHadWhenWritten() throws IOException {
    JsonNode second =
        SpecDocument.MAPPER.readTree(SpecDocument.readClasspath(FIXTURE)).path("data").path(1);
    assertThat(second.get("supportExpirationDate").isNull()).isTrue();
    assertThat(second.get("monitoring").isNull()).isTrue();
    assertThat(second.get("capacity").isNull()).isTrue();
    assertThat(second.get("usedCapacity").isNull()).isTrue();
  }

  /**
   * Returns a copy of the page with each licence's enum values replaced by the document's spelling.
   */
  private static JsonNode canonicalise(JsonNode page, List<String> mapped) {
    JsonNode copy = page.deepCopy();
    Map<String, List<String>> enumsByProperty = enumsOfBackupServerLicense();
    for (JsonNode license : copy.path("data")) {
      ObjectNode object = (ObjectNode) license;
      // iterate in the fixture's own property order
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String property : names) {
        List<String> allowed = enumsByProperty.get(property);
        if (allowed == null) {
          continue;
        }
        JsonNode value = object.get(property);
        if (value.isArray()) {
          ArrayNode array = (ArrayNode) value;
          for (int i = 0; i < array.size(); i++) {
            array.set(i, canonical(array.get(i), allowed, mapped));
          }
        } else {
          object.set(property, canonical(value, allowed, mapped));
        }
      }
    }
    return copy;
  }

  private static JsonNode canonical(JsonNode value, List<String> allowed, List<String> mapped) {
    if (!value.isTextual()) {
      return value;
    }
    String raw = value.asText();
    String match =
        allowed.stream()
            .filter(raw::equalsIgnoreCase)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no enum value matches " + raw + " in " + allowed));
    mapped.add(raw + "->" + match);
    return TextNode.valueOf(match);
  }

  /** Property name of BackupServerLicense -> the known values of its schema (or of its items). */
  @SuppressWarnings("rawtypes")
  private static Map<String, List<String>> enumsOfBackupServerLicense() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    Map<String, Schema> properties = SpecDocument.schema("BackupServerLicense").getProperties();
    properties.forEach(
        (name, schema) -> {
          Schema target = schema.getItems() != null ? schema.getItems() : schema;
          if (target.get$ref() != null) {
            target = SpecDocument.schema(SpecDocument.refName(target.get$ref()));
          }
          List<String> known = SpecDocument.knownValues(target);
          if (known != null) {
            result.put(name, known);
          }
        });
    assertThat(result)
        .containsOnlyKeys("packages", "sectionTypes", "status", "cloudConnect", "unitType", "type");
    return result;
  }
}

package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Additions and date-times, whichever way the document declares its enumerations. */
class SchemaWalkTest {

  private static List<String> additions(Schema<?> schema, String json) throws Exception {
    JsonNode node = Exchange.JSON.readTree(json);
    List<String> found = new ArrayList<>();
    SchemaWalk.walk(
        schema,
        node,
        "$",
        new SchemaWalk.Sink() {
          @Override
          public void dateTime(Finding finding) {
            found.add("date " + finding.describe());
          }

          @Override
          public void addition(Finding finding) {
            found.add(finding.describe());
          }

          @Override
          public void checkedDateTime() {}
        });
    return found;
  }

  private static Schema<?> license(Schema<?> status) {
    return new ObjectSchema()
        .addProperty("status", status)
        .addProperty("expirationDate", new StringSchema().format("date-time"));
  }

  @Test
  void anEnumListAndAnExtensibleEnumListAreTheSameToTheWalk() throws Exception {
    Schema<?> closed = new StringSchema()._enum(List.of("Valid", "Expired"));
    Schema<?> extensible = new StringSchema();
    extensible.addExtension(SchemaWalk.EXTENSIBLE_ENUM, List.of("Valid", "Expired"));
    for (Schema<?> status : List.of(closed, extensible)) {
      assertThat(additions(license(status), "{\"status\":\"valid\"}"))
          .as("older servers' casing")
          .isEmpty();
      assertThat(additions(license(status), "{\"status\":\"Suspended\",\"extra\":{\"a\":1}}"))
          .containsExactly(
              "$.status: a value the document does not list (known: Valid, Expired) (was"
                  + " 'Suspended')",
              "$.extra: a property the document does not declare (was {\"a\":1})");
    }
    Schema<?> flag = new StringSchema();
    flag.addExtension(SchemaWalk.EXTENSIBLE_ENUM, true); // today's form: a flag next to enum
    assertThat(SchemaWalk.knownValues(flag)).isEmpty();
  }

  @Test
  void aMapSchemaTakesAnyProperty() throws Exception {
    Schema<?> map = new ObjectSchema().additionalProperties(new StringSchema());
    assertThat(additions(map, "{\"anything\":\"x\"}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2018-10-24T14:00:00.0000000-07:00",
        "2018-10-24T14:00:00+03:00",
        "2018-10-24T14:00:00.1Z",
        "2020-09-09T10:00:00.1234567+00:00"
      })
  void dateTimesAsVspcSendsThem(String value) {
    assertThat(SchemaWalk.dateTimeProblem(value)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2018-10-24T14:00:00.0000000|without a UTC offset",
        "2018-10-24T14:00:00.123456789Z|9 fractional digits; the document allows at most 7",
        "2018-13-24T14:00:00Z|not a valid date-time",
        "24.10.2018 14:00|not an ISO-8601 date-time"
      })
  void dateTimesThatBreakTheDocument(String value, String problem) {
    assertThat(SchemaWalk.dateTimeProblem(value)).contains(problem);
  }

  @Test
  void theShippedDocumentDeclaresWhatTheChecksRead() {
    Document document = Document.shipped();
    assertThat(document.path).isEqualTo("/api/v3/licensing/backupServers");
    assertThat(document.maxLimit()).isEqualTo(500);
    assertThat(document.defaultLimit()).isEqualTo(100);
    Map<String, Schema<?>> page = SchemaWalk.properties(document.responseSchema(200));
    assertThat(
            SchemaWalk.knownValues(
                SchemaWalk.properties(page.get("data").getItems()).get("status")))
        .contains("Valid", "Expired");
  }
}

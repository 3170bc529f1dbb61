package dev.licensewatch.vspc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example checks are only worth something if the validator really checks bodies and parameters
 * against the document. These cases prove it: a valid baseline passes, and each single violation is
 * reported.
 */
@DisplayName("The validator used on examples")
class ValidatorRejectsTest {

  /** A licence with every property set, valid against the document. */
  static ObjectNode validLicense() {
    ObjectNode license = SpecDocument.MAPPER.createObjectNode();
    license.put("backupServerUid", "a26ad214-e225-49bf-8fb8-f16340729b7b");
    license.put("autoUpdateEnabled", true);
    license.put("edition", "Enterprise Plus");
    license.put("monitoring", false);
    license.putArray("packages").add("Backup");
    license.put("company", "Alpha");
    license.put("email", "a.smith@alpha.example");
    license.put("contactPerson", "Alan Smith");
    license.put("expirationDate", "2020-09-09T10:00:00.0000000+03:00");
    license.putNull("supportExpirationDate");
    license.putArray("licenseIds").add("33882222-1111-2222-3333-111122233333");
    license.putArray("supportIds").add("00276360");
    license.putArray("sectionTypes").add("Instance");
    license.put("status", "Valid");
    license.put("cloudConnect", "No");
    license.put("sockets", 0.0);
    license.put("usedSockets", 0.0);
    license.putNull("capacity");
    license.putNull("usedCapacity");
    license.put("units", 1000.0);
    license.put("usedUnits", 10.0);
    license.put("unitType", "Instances");
    license.put("type", "Rental");
    return license;
  }

  static String page(ObjectNode... licenses) {
    ObjectNode body = SpecDocument.MAPPER.createObjectNode();
    ObjectNode paging = body.putObject("meta").putObject("pagingInfo");
    paging.put("total", licenses.length);
    paging.put("count", licenses.length);
    paging.put("offset", 0);
    ArrayNode data = body.putArray("data");
    for (ObjectNode license : licenses) {
      data.add(license);
    }
    return body.toString();
  }

  @Nested
  @DisplayName("on a 200 body")
  class ResponseBody {

    @Test
    @DisplayName("accepts a valid licence (baseline)")
    void acceptsBaseline() {
      ValidationReport report = SpecDocument.validateResponse(200, page(validLicense()));
      assertThat(report.getMessages()).as(SpecDocument.format(report)).isEmpty();
    }

    @ParameterizedTest(name = "rejects {0}: null")
    @ValueSource(
        strings = {
          "company",
          "autoUpdateEnabled",
          "status",
          "units",
          "packages",
          "backupServerUid"
        })
    @DisplayName("rejects null in a non-nullable property")
    void rejectsNullInNonNullable(String property) {
      ObjectNode license = validLicense();
      license.putNull(property);
      assertRejected(SpecDocument.validateResponse(200, page(license)));
    }

    @ParameterizedTest(name = "accepts {0}: null")
    @FieldSource("dev.licensewatch.vspc.spec.SpecDocument#NULLABLE")
    @DisplayName("accepts null in each nullable property")
    void acceptsNullInNullable(String property) {
      ObjectNode license = validLicense();
      license.putNull(property);
      ValidationReport report = SpecDocument.validateResponse(200, page(license));
      assertThat(report.getMessages()).as(SpecDocument.format(report)).isEmpty();
    }

    @Test
    @DisplayName("rejects a licence without autoUpdateEnabled")
    void rejectsMissingAutoUpdateEnabled() {
      ObjectNode license = validLicense();
      license.remove("autoUpdateEnabled");
      ValidationReport report = SpecDocument.validateResponse(200, page(license));
      assertRejected(report);
      assertThat(report.getMessages())
          .anySatisfy(m -> assertThat(m.getKey()).endsWith("schema.required"));
    }

    @Test
    @DisplayName("accepts a licence with only autoUpdateEnabled")
    void acceptsMinimalLicense() {
      ObjectNode license = SpecDocument.MAPPER.createObjectNode().put("autoUpdateEnabled", false);
      ValidationReport report = SpecDocument.validateResponse(200, page(license));
      assertThat(report.getMessages()).as(SpecDocument.format(report)).isEmpty();
    }

    @Test
    @DisplayName("accepts 500 licences and rejects 501")
    void rejectsMoreThan500Items() {
      ObjectNode[] five00 = new ObjectNode[500];
      java.util.Arrays.fill(five00, validLicense());
      ObjectNode[] five01 = new ObjectNode[501];
      java.util.Arrays.fill(five01, validLicense());
      // pagingInfo.count is capped at 500 too; keep the page otherwise valid
      String tooMany = page(five01).replace("\"count\":501", "\"count\":500");

      ValidationReport accepted = SpecDocument.validateResponse(200, page(five00));
      assertThat(accepted.getMessages()).as(SpecDocument.format(accepted)).isEmpty();
      ValidationReport rejected = SpecDocument.validateResponse(200, tooMany);
      assertRejected(rejected);
      assertThat(rejected.getMessages())
          .anySatisfy(m -> assertThat(m.getKey()).endsWith("schema.maxItems"));
    }

    @Test
    @DisplayName("rejects a value of the wrong type")
    void rejectsWrongType() {
      ObjectNode license = validLicense();
      license.put("autoUpdateEnabled", "yes");
      assertRejected(SpecDocument.validateResponse(200, page(license)));
    }

    @Test
    @DisplayName("rejects a body without data")
    void rejectsMissingData() {
      assertRejected(
          SpecDocument.validateResponse(
              200, "{\"meta\":{\"pagingInfo\":{\"total\":0,\"count\":0,\"offset\":0}}}"));
    }

    @Test
    @DisplayName("rejects an error body without message")
    void rejectsIncompleteError() {
      assertRejected(
          SpecDocument.validateResponse(
              401, "{\"errors\":[{\"type\":\"security\",\"code\":401}]}"));
    }
  }

  @Nested
  @DisplayName("on a request")
  class RequestParameters {

    @ParameterizedTest(name = "rejects limit={0}")
    @ValueSource(strings = {"0", "501", "-1"})
    @DisplayName("rejects limit outside 1..500")
    void rejectsLimitOutOfRange(String limit) {
      assertRejected(
          SpecDocument.validateRequest(
              SpecDocument.authenticatedGet().withQueryParam("limit", limit)));
    }

    @ParameterizedTest(name = "accepts limit={0}")
    @ValueSource(strings = {"1", "100", "500"})
    @DisplayName("accepts limit inside 1..500")
    void acceptsLimitInRange(String limit) {
      ValidationReport report =
          SpecDocument.validateRequest(
              SpecDocument.authenticatedGet().withQueryParam("limit", limit));
      assertThat(report.getMessages()).as(SpecDocument.format(report)).isEmpty();
    }

    @Test
    @DisplayName("rejects a negative offset, accepts 0")
    void offset() {
      assertRejected(
          SpecDocument.validateRequest(
              SpecDocument.authenticatedGet().withQueryParam("offset", "-1")));
      ValidationReport zero =
          SpecDocument.validateRequest(
              SpecDocument.authenticatedGet().withQueryParam("offset", "0"));
      assertThat(zero.getMessages()).as(SpecDocument.format(zero)).isEmpty();
    }
  }

  private static void assertRejected(ValidationReport report) {
    assertThat(report.hasErrors()).as("the validator reports an error").isTrue();
  }
}

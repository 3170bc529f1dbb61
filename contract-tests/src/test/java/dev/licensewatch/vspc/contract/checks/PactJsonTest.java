package dev.licensewatch.vspc.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensewatch.vspc.contract.PactJson;
import org.junit.jupiter.api.Test;

/** The comparison behind the diff check: what it ignores and what it catches. */
class PactJsonTest {

  private static JsonNode pact(String pactJvmVersion, String... interactions) throws Exception {
    return PactJson.MAPPER.readTree("{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},"
        + "\"interactions\":[" + String.join(",", interactions) + "],"
        + "\"metadata\":{\"pact-jvm\":{\"version\":\"" + pactJvmVersion + "\"},"
        + "\"pactSpecification\":{\"version\":\"4.0\"}}}");
  }

  private static final String A =
      "{\"description\":\"a\",\"response\":{\"status\":200,\"body\":{\"x\":1}}}";
  private static final String B =
      "{\"description\":\"b\",\"response\":{\"status\":401}}";

  @Test
  void ignoresThePactJvmVersionAndTheOrderOfInteractionsAndKeys() throws Exception {
    JsonNode one = pact("4.7.5", A, B);
    JsonNode other = pact("4.8.0", B,
        "{\"response\":{\"body\":{\"x\":1},\"status\":200},\"description\":\"a\"}");
    assertThat(PactJson.comparable(one)).isEqualTo(PactJson.comparable(other));
  }

  @Test
  void catchesAChangedMatcherOrExample() throws Exception {
    JsonNode before = pact("4.7.5", A, B);
    JsonNode after = pact("4.7.5", A.replace("\"x\":1", "\"x\":2"), B);
    assertThat(PactJson.comparable(before)).isNotEqualTo(PactJson.comparable(after));
    assertThat(PactFileDiffTest.describe(PactJson.comparable(before), PactJson.comparable(after)))
        .contains("changed: 'a'");
  }

  @Test
  void reportsAddedAndRemovedInteractions() throws Exception {
    String summary = PactFileDiffTest.describe(
        PactJson.comparable(pact("4.7.5", A)), PactJson.comparable(pact("4.7.5", B)));
    assertThat(summary).contains("removed: 'a'").contains("added:   'b'");
  }

  @Test
  void theCanonicalFormKeepsTheMetadata() throws Exception {
    ObjectNode canonical = PactJson.canonical(pact("4.7.5", B, A));
    assertThat(canonical.path("metadata").path("pact-jvm").path("version").asText())
        .isEqualTo("4.7.5");
    assertThat(canonical.path("interactions").get(0).path("description").asText()).isEqualTo("a");
  }
}

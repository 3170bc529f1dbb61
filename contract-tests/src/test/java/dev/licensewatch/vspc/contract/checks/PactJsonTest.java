package dev.licensewatch.vspc.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensewatch.vspc.contract.PactJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison behind the diff check: what it ignores and what it catches. */
class PactJsonTest {

  private static JsonNode pact(String pactJvmVersion, String... interactions) throws Exception {
    return PactJson.MAPPER.readTree(
        "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},"
            + "\"interactions\":["
            + String.join(",", interactions)
            + "],"
            + "\"metadata\":{\"pact-jvm\":{\"version\":\""
            + pactJvmVersion
            + "\"},"
            + "\"pactSpecification\":{\"version\":\"4.0\"}}}");
  }

  private static final String A =
      "{\"description\":\"a\",\"response\":{\"status\":200,\"body\":{\"x\":1}}}";
  private static final String B = "{\"description\":\"b\",\"response\":{\"status\":401}}";

  @Test
  void ignoresThePactJvmVersionAndTheOrderOfInteractionsAndKeys() throws Exception {
    JsonNode one = pact("4.7.5", A, B);
    JsonNode other =
        pact(
            "4.8.0", B, "{\"response\":{\"body\":{\"x\":1},\"status\":200},\"description\":\"a\"}");
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
    String summary =
        PactFileDiffTest.describe(
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

  @Test
  void theDiffCheckFailsWithTheAcceptHintAndAcceptsOnRequest(@TempDir Path dir) throws Exception {
    Path generated = dir.resolve("generated.json");
    Path committed = dir.resolve("committed.json");
    PactJson.write(generated, pact("4.7.5", A.replace("\"x\":1", "\"x\":2"), B));
    PactJson.write(committed, pact("4.7.5", A, B));

    assertThatThrownBy(() -> PactFileDiffTest.compare(generated, committed, false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("changed: 'a'")
        .hasMessageContaining(PactFileDiffTest.HOW_TO_ACCEPT)
        .hasMessageContaining("-Dpact.accept=true")
        .as("the command builds the sibling modules from this tree, not from ~/.m2")
        .hasMessageContaining("-pl contract-tests -am ");
    assertThat(PactJson.read(committed))
        .as("a failed check leaves the committed pact alone")
        .isEqualTo(pact("4.7.5", A, B));

    PactFileDiffTest.compare(generated, committed, true);
    assertThat(PactJson.read(committed)).isEqualTo(PactJson.canonical(PactJson.read(generated)));
    PactFileDiffTest.compare(generated, committed, false);
  }

  @Test
  void theDiffCheckFailsWithTheAcceptHintWithoutACommittedPact(@TempDir Path dir) throws Exception {
    Path generated = dir.resolve("generated.json");
    PactJson.write(generated, pact("4.7.5", A));
    assertThatThrownBy(() -> PactFileDiffTest.compare(generated, dir.resolve("none.json"), false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no committed pact")
        .hasMessageContaining(PactFileDiffTest.HOW_TO_ACCEPT);
  }
}

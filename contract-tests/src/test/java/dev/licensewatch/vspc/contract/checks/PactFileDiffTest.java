package dev.licensewatch.vspc.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.contract.PactJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The pact the consumer tests just wrote must equal the reviewed copy in the repository ({@code
 * contract-tests/pacts/}), compared in canonical form (interactions sorted, keys sorted, Pact JVM's
 * version ignored). With {@code -Dpact.accept=true} a difference is accepted instead: the canonical
 * form of the new pact is written over the committed file, for review in the diff.
 *
 * <p>Runs in surefire's second execution ({@code pact-checks}), which starts only after every
 * consumer test class has passed and written its interactions.
 */
class PactFileDiffTest {
  static final String HOW_TO_ACCEPT =
      "If the change is intended, run: ./mvnw -B -pl contract-tests -am verify -Dpact.accept=true"
          + " and commit contract-tests/pacts/"
          + Contract.PACT_FILE
          + " after review.";

  @Test
  void generatedPactEqualsTheCommittedOne() {
    Path generated = Contract.generatedPact();
    assertThat(generated).as("the consumer tests must have written the pact").exists();
    compare(generated, Contract.committedPact(), Boolean.getBoolean("pact.accept"));
  }

  /**
   * The check itself: fails, with what changed and {@link #HOW_TO_ACCEPT}, when {@code generated}
   * and {@code committed} differ; with {@code accept} writes the canonical generated pact over
   * {@code committed} instead.
   */
  static void compare(Path generated, Path committed, boolean accept) {
    JsonNode fresh = PactJson.read(generated);
    if (!Files.exists(committed)) {
      if (accept) {
        PactJson.write(committed, PactJson.canonical(fresh));
        System.out.println("[pact] created " + committed);
        return;
      }
      fail("There is no committed pact at " + committed + ". " + HOW_TO_ACCEPT);
    }
    JsonNode reviewed = PactJson.read(committed);
    if (PactJson.comparable(fresh).equals(PactJson.comparable(reviewed))) {
      return;
    }
    String summary = describe(PactJson.comparable(reviewed), PactJson.comparable(fresh));
    if (accept) {
      PactJson.write(committed, PactJson.canonical(fresh));
      System.out.println("[pact] accepted the changed pact into " + committed + ":\n" + summary);
      return;
    }
    fail(
        "The generated pact "
            + generated
            + " differs from the committed "
            + committed
            + ":\n"
            + summary
            + "\n"
            + HOW_TO_ACCEPT);
  }

  /** Which interactions were added, removed or changed, and other differences. */
  static String describe(JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = byKey(before);
    Map<String, JsonNode> now = byKey(after);
    List<String> lines = new ArrayList<>();
    for (String key : new TreeSet<>(old.keySet())) {
      if (!now.containsKey(key)) {
        lines.add("  removed: " + label(old.get(key)));
      } else if (!now.get(key).equals(old.get(key))) {
        lines.add("  changed: " + label(now.get(key)));
      }
    }
    for (String key : new TreeSet<>(now.keySet())) {
      if (!old.containsKey(key)) {
        lines.add("  added:   " + label(now.get(key)));
      }
    }
    for (String field : List.of("consumer", "provider", "metadata")) {
      if (!before.path(field).equals(after.path(field))) {
        lines.add("  changed: " + field + " " + before.path(field) + " -> " + after.path(field));
      }
    }
    return lines.isEmpty() ? "  (differences outside the interactions)" : String.join("\n", lines);
  }

  private static Map<String, JsonNode> byKey(JsonNode pact) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    pact.path("interactions").forEach(i -> map.put(PactJson.sortKey(i), i));
    return map;
  }

  private static String label(JsonNode interaction) {
    return "'"
        + interaction.path("description").asText()
        + "' given "
        + interaction.path("providerStates");
  }
}

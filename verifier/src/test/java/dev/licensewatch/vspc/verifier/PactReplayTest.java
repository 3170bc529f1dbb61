package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import dev.licensewatch.vspc.emulator.ProviderStates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pact the verifier replays is the committed one, and every provider state is placed. */
class PactReplayTest {

  @Test
  void theShippedPactIsTheCommittedFile() throws Exception {
    String committed =
        Files.readString(
            Path.of("../contract-tests/pacts/vspc-licensing-client-vspc-licensing-api.json"),
            StandardCharsets.UTF_8);
    assertThat(Document.readResource(PactReplay.RESOURCE)).isEqualTo(committed);
  }

  @Test
  void everyProviderStateIsEitherReachableOrUnreachableWithAReason() {
    Set<String> placed = new HashSet<>(PactReplay.REACHABLE.keySet());
    placed.addAll(PactReplay.UNREACHABLE.keySet());
    assertThat(placed).containsExactlyInAnyOrderElementsOf(ProviderStates.ALL);
    Pact pact = PactReplay.load();
    for (Interaction interaction : pact.getInteractions()) {
      interaction
          .getProviderStates()
          .forEach(
              state ->
                  assertThat(placed).as(interaction.getDescription()).contains(state.getName()));
    }
  }

  @Test
  void interactionIdsAreDistinct() {
    Set<String> ids = new HashSet<>();
    PactReplay.load()
        .getInteractions()
        .forEach(i -> assertThat(ids.add(PactReplay.id(i))).as(PactReplay.id(i)).isTrue());
  }
}

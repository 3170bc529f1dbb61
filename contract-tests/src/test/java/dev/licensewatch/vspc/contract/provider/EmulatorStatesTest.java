package dev.licensewatch.vspc.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import dev.licensewatch.vspc.emulator.ProviderStates;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every provider state the emulator knows is set up, and torn down, by the verification. */
class EmulatorStatesTest {

  /** The states named by EmulatorStates' {@code @State} methods for this action. */
  private static List<String> states(StateChangeAction action) {
    return Arrays.stream(EmulatorStates.class.getDeclaredMethods())
        .map(m -> m.getAnnotation(State.class))
        .filter(s -> s != null && s.action() == action)
        .flatMap(s -> Arrays.stream(s.value()))
        .toList();
  }

  @Test
  void everyStateHasASetUp() {
    assertThat(states(StateChangeAction.SETUP))
        .containsExactlyInAnyOrderElementsOf(ProviderStates.ALL);
  }

  @Test
  void everyStateIsTornDown() {
    assertThat(states(StateChangeAction.TEARDOWN))
        .containsExactlyInAnyOrderElementsOf(ProviderStates.ALL);
  }
}

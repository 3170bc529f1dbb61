package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import dev.licensewatch.vspc.emulator.ProviderStates;
import java.util.Map;

/**
 * Every provider state of the pact, implemented by seeding the emulator from code (the same thing
 * its {@code POST /_pact/provider-states} endpoint does for external verifiers). The names are the
 * emulator's own ({@link ProviderStates}), the same constants the consumer tests name their states
 * with, so the two sides cannot spell a state differently.
 */
abstract class EmulatorStates extends EmulatorVerification {

  @State(ProviderStates.LICENSES_EXIST)
  void licensesExist(Map<String, Object> params) {
    emulator().applyProviderState(ProviderStates.LICENSES_EXIST, params);
  }

  @State(ProviderStates.NULLABLES_NULL)
  void everyNullableNull() {
    emulator().applyProviderState(ProviderStates.NULLABLES_NULL, Map.of());
  }

  @State(ProviderStates.EVERY_PROPERTY)
  void everyPropertyPresent() {
    emulator().applyProviderState(ProviderStates.EVERY_PROPERTY, Map.of());
  }

  @State(ProviderStates.TOKEN_NOT_VALID)
  void tokenNotValid() {
    emulator().applyProviderState(ProviderStates.TOKEN_NOT_VALID, Map.of());
  }

  @State(ProviderStates.LACKS_ROLE)
  void lacksRole() {
    emulator().applyProviderState(ProviderStates.LACKS_ROLE, Map.of());
  }

  @State(ProviderStates.THROTTLED)
  void throttled(Map<String, Object> params) {
    emulator().applyProviderState(ProviderStates.THROTTLED, params);
  }

  @State(ProviderStates.EVERY_STATUS)
  void everyStatus() {
    emulator().applyProviderState(ProviderStates.EVERY_STATUS, Map.of());
  }

  @State(ProviderStates.QUEUED)
  void queued(Map<String, Object> params) {
    emulator().applyProviderState(ProviderStates.QUEUED, params);
  }

  @State(ProviderStates.ACTION_FINISHED)
  void actionFinished(Map<String, Object> params) {
    emulator().applyProviderState(ProviderStates.ACTION_FINISHED, params);
  }

  /** After each interaction: back to the emulator's initial state. */
  @State(
      value = {
        ProviderStates.LICENSES_EXIST,
        ProviderStates.NULLABLES_NULL,
        ProviderStates.EVERY_PROPERTY,
        ProviderStates.TOKEN_NOT_VALID,
        ProviderStates.LACKS_ROLE,
        ProviderStates.THROTTLED,
        ProviderStates.EVERY_STATUS,
        ProviderStates.QUEUED,
        ProviderStates.ACTION_FINISHED
      },
      action = StateChangeAction.TEARDOWN)
  void teardown() {
    emulator().resetProviderState();
  }
}

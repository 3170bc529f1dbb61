package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.Map;

/**
 * Every provider state of the pact, implemented by seeding the emulator from code (the same
 * thing its {@code POST /_pact/provider-states} endpoint does for external verifiers).
 */
abstract class EmulatorStates {

  abstract VspcEmulator emulator();

  @State(Contract.LICENSES_EXIST)
  void licensesExist(Map<String, Object> params) {
    emulator().applyProviderState(Contract.LICENSES_EXIST, params);
  }

  @State(Contract.NULLABLES_NULL)
  void everyNullableNull() {
    emulator().applyProviderState(Contract.NULLABLES_NULL, Map.of());
  }

  @State(Contract.EVERY_PROPERTY)
  void everyPropertyPresent() {
    emulator().applyProviderState(Contract.EVERY_PROPERTY, Map.of());
  }

  @State(Contract.TOKEN_NOT_VALID)
  void tokenNotValid() {
    emulator().applyProviderState(Contract.TOKEN_NOT_VALID, Map.of());
  }

  @State(Contract.LACKS_ROLE)
  void lacksRole() {
    emulator().applyProviderState(Contract.LACKS_ROLE, Map.of());
  }

  @State(Contract.THROTTLED)
  void throttled(Map<String, Object> params) {
    emulator().applyProviderState(Contract.THROTTLED, params);
  }

  /** After each interaction: back to the emulator's initial state. */
  @State(value = {Contract.LICENSES_EXIST, Contract.NULLABLES_NULL, Contract.EVERY_PROPERTY,
      Contract.TOKEN_NOT_VALID, Contract.LACKS_ROLE, Contract.THROTTLED},
      action = StateChangeAction.TEARDOWN)
  void teardown() {
    emulator().resetProviderState();
  }
}

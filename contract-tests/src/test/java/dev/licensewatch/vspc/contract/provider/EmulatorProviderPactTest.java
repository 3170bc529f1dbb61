package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider verification: the committed, reviewed pact ({@code contract-tests/pacts/}) replayed by
 * Pact JVM against the emulator over HTTP, one test per interaction, each after its provider
 * state was set up from code. (The diff check makes the committed and generated pacts equal.)
 */
@Provider(Contract.PROVIDER)
@PactFolder("pacts")
class EmulatorProviderPactTest extends EmulatorStates {
  private static VspcEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = VspcEmulator.builder().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  VspcEmulator emulator() {
    return emulator;
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(EmulatorTarget.of(emulator));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}

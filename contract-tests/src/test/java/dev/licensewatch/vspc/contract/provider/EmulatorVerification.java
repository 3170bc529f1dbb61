package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pact JVM replaying a pact against an emulator over HTTP, one test per interaction. A subclass
 * names the provider and the pact source ({@code @Provider}, {@code @PactFolder}), runs the
 * emulator (a static {@code VspcEmulatorExtension}) and sets up the provider states.
 */
abstract class EmulatorVerification {

  /** The emulator this class verifies. */
  abstract VspcEmulator emulator();

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(EmulatorTarget.of(emulator()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}

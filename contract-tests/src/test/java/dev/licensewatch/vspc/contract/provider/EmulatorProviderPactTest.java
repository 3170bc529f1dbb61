package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import dev.licensewatch.vspc.emulator.VspcEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Provider verification: the committed, reviewed pact ({@code contract-tests/pacts/}) replayed by
 * Pact JVM against the emulator over HTTP, one test per interaction, each after its provider state
 * was set up from code. (The diff check makes the committed and generated pacts equal.)
 */
@Provider(Contract.PROVIDER)
@PactFolder("pacts")
class EmulatorProviderPactTest extends EmulatorStates {
  @RegisterExtension static final VspcEmulatorExtension VSPC = new VspcEmulatorExtension();

  @Override
  VspcEmulator emulator() {
    return VSPC.emulator();
  }
}

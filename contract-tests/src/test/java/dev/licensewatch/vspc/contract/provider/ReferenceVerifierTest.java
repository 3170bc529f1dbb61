package dev.licensewatch.vspc.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.emulator.ProviderStates;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The committed pact verified by Pact's reference (Rust) verifier, {@code pact verifier} from the
 * npm package {@code @pact-foundation/pact-cli}, against the emulator in provider-states mode:
 * provider states go through the emulator's {@code POST /_pact/provider-states}.
 *
 * <p>Opt-in: {@code ./mvnw -B -pl contract-tests -am verify -Preference-verifier} installs the npm
 * package into {@code target/pact-cli} and sets {@code pact.referenceVerifier} to its {@code pact}
 * executable. Skipped otherwise.
 */
@EnabledIfSystemProperty(named = "pact.referenceVerifier", matches = ".+")
class ReferenceVerifierTest {

  @Test
  void theReferenceVerifierAcceptsTheEmulator() throws IOException, InterruptedException {
    try (VspcEmulator emulator = VspcEmulator.builder().providerStates(true).start()) {
      List<String> command =
          List.of(
              System.getProperty("pact.referenceVerifier"),
              "verifier",
              "--file",
              Contract.committedPact().toString(),
              "--hostname",
              "127.0.0.1",
              "--port",
              Integer.toString(emulator.port()),
              "--provider-name",
              Contract.PROVIDER,
              "--state-change-url",
              emulator.baseUrl() + ProviderStates.PATH,
              "--state-change-teardown",
              "--no-colour");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("PACT_DO_NOT_TRACK", "true");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      System.out.println(output);
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).doesNotContain("FAILED");
    }
  }
}

package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import org.junit.jupiter.api.Test;

/** The emulator in its faithful mode conforms: every check passes or is not verifiable. */
class FaithfulEmulatorTest {

  @Test
  void everythingPasses() {
    try (VspcEmulator vspc = Verify.emulator(b -> b.licenses(260))) {
      VerificationReport report = Verify.run(Verify.against(vspc));
      assertThat(Verify.ids(report, Check.Status.FAILED)).isEmpty();
      assertThat(report.outcome()).isEqualTo(VerificationReport.Outcome.CONFORMS);
      assertThat(report.exitCode(true)).isZero();
    }
  }
}

package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/** Runs the verifier against emulators in tests; every report is checked for the tokens. */
final class Verify {
  static final String TOKEN = "verify-T0ken-4-tests-only";
  static final String LOW_ROLE_TOKEN = "l0w-r0le-T0ken-4-tests";
  static final List<String> SECRETS = List.of(TOKEN, LOW_ROLE_TOKEN);

  private Verify() {}

  /** An emulator that knows both test tokens, with these extra settings. */
  static VspcEmulator emulator(UnaryOperator<VspcEmulator.Builder> settings) {
    return settings
        .apply(VspcEmulator.builder().token(TOKEN).token(LOW_ROLE_TOKEN, "Read-only User"))
        .start();
  }

  static ContractVerifier.Builder against(VspcEmulator emulator) {
    return ContractVerifier.builder()
        .baseUrl(HttpUrl.get(emulator.baseUrl()))
        .token(TOKEN)
        .lowRoleToken(LOW_ROLE_TOKEN);
  }

  static VerificationReport run(ContractVerifier.Builder builder) {
    VerificationReport report = builder.build().run();
    for (boolean strict : new boolean[] {false, true}) {
      for (String output :
          List.of(report.toText(strict), report.toJson(strict), report.toJunitXml(strict))) {
        for (String secret : SECRETS) {
          assertThat(output).as("a report").doesNotContain(secret);
        }
      }
    }
    return report;
  }

  /** The ids of the checks with this status. */
  static List<String> ids(VerificationReport report, Check.Status status) {
    return report.checks().stream().filter(c -> c.status() == status).map(Check::id).toList();
  }
}

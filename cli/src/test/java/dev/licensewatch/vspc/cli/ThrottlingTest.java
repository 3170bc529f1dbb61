package dev.licensewatch.vspc.cli;

import static dev.licensewatch.vspc.cli.Cli.TOKEN;
import static dev.licensewatch.vspc.cli.Cli.against;
import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A throttling VSPC slows a walk down instead of failing it; --max-attempts counts failures. */
class ThrottlingTest {
  @AfterAll
  static void scan() {
    Cli.ALL_OUTPUT.forEach(Cli::assertNoSecret);
  }

  @Test
  void concurrency16AgainstALimitOf2ExportsEveryLicenseOnceAndVerboseSaysTheWindowNarrowed() {
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .token(TOKEN)
            .licenses(1000)
            .seed(3)
            .throttling("simultaneous=2")
            .latency(Duration.ofMillis(10))
            .start()) {
      List<Object> served =
          Raw.licenses(vspc, TOKEN).stream()
              .map(l -> l.get("backupServerUid"))
              .collect(Collectors.toList());
      vspc.resetStats();
      Cli.Result r =
          Cli.run(
              against(
                  vspc.baseUrl(),
                  "--concurrency",
                  "16",
                  "--page-size",
                  "50",
                  "--verbose",
                  "export",
                  "--format",
                  "ndjson"));
      assertThat(r.code()).as(r.err()).isZero();
      List<Object> exported =
          ExportTest.ndjson(r.out()).stream()
              .map(l -> l.get("backupServerUid"))
              .collect(Collectors.toList());
      assertThat(exported).containsExactlyElementsOf(served); // each once, in order
      long throttled = vspc.stats().responses(429);
      assertThat(throttled).isPositive();
      assertThat(r.err()).contains("pages in flight 16 -> 8: the server throttled a request");
      System.out.println(
          "[throttling] export at --concurrency 16, simultaneous=2, 20 pages: "
              + throttled
              + " 429s");
    }
  }

  @Test
  void aThrottleLongerThanTheTimeoutFailsAtOnceSayingSo() {
    try (VspcEmulator vspc =
        VspcEmulator.builder().token(TOKEN).licenses(250).throttling("per-period=1/60s").start()) {
      Cli.Result r = Cli.run(against(vspc.baseUrl(), Cli.pageByPage("--timeout", "2", "export")));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("vspc-licenses: error: HTTP 429 from GET ")
          .contains("the next retry would pass the 2 s deadline")
          .contains("try again later, or raise --timeout");
      assertThat(r.err().lines()).hasSize(1);
    }
  }

  @Test
  void maxAttemptsIsTheBudgetOfFailures() {
    try (VspcEmulator vspc = VspcEmulator.builder().token(TOKEN).licenses(20).start()) {
      vspc.setFaults("520@1-2");
      Cli.Result two = Cli.run(against(vspc.baseUrl(), "--max-attempts", "2", "list"));
      assertThat(two.code()).isEqualTo(1);
      assertThat(two.err()).contains("HTTP 520").contains("(after 2 attempts)");

      vspc.setFaults("520@1-2");
      Cli.Result three = Cli.run(against(vspc.baseUrl(), "--max-attempts", "3", "list"));
      assertThat(three.code()).as(three.err()).isZero();
      assertThat(three.out()).endsWith("20 licences\n");
    }
    Cli.Result zero = Cli.run(Map.of(), "--max-attempts", "0", "--demo", "list");
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).startsWith("vspc-licenses: error: --max-attempts must be 1 or more");
  }
}

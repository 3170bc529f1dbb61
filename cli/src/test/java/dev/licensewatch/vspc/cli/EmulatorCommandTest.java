package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The emulator command and --demo. */
class EmulatorCommandTest {

  @Test
  void emulatorRunsUntilInterruptedAndPrintsItsUrlAndToken() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread = new Thread(() -> code.set(Main.run(
        new String[] {"emulator", "--licenses", "7", "--latency-ms", "1"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())));
    thread.start();
    Pattern url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Matcher m = url.matcher("");
    while (System.nanoTime() < deadline) {
      m = url.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find() && out.toString(StandardCharsets.UTF_8).contains("Ctrl-C")) {
        break;
      }
      Thread.sleep(20);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("token: vspc-emulator-token");
    assertThat(m.find(0)).isTrue();
    Cli.Result list = Cli.run(Map.of("VSPC_TOKEN", "vspc-emulator-token"),
        "--url", m.group(1), "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).endsWith("7 licences\n");

    thread.interrupt();
    thread.join(5_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(code.get()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    Cli.record(printed);
  }

  @Test
  void demoStartsTheEmbeddedEmulatorAndIgnoresUrlAndToken() {
    Cli.Result r = Cli.run(Map.of(), "--url", "https://nowhere.invalid", "--demo", "list");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("COMPANY").endsWith(Root.DEMO_LICENSES + " licences\n");
    Cli.Result check = Cli.run("--demo", "check");
    assertThat(check.code()).isBetween(0, 2);
    assertThat(check.out()).startsWith("LICENSES ").contains("licenses=42");
  }
}

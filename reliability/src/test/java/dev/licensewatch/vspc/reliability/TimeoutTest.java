package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.licensewatch.vspc.client.VspcIoException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Servers that accept and never answer, or answer one byte a second: the client gives up at its
 * deadline with {@link VspcIoException#isTimeout()}.
 */
@Order(3)
class TimeoutTest {
  /** How far past the deadline giving up may be: scheduling noise on a loaded 2-core machine. */
  static final long SLACK_MS = 750;
  static final List<String> results = new ArrayList<>();
  static final AtomicInteger held = new AtomicInteger();

  @AfterAll
  static void figures() {
    Figures.record("timeouts", "hang / slow body / 1 byte per second: typed timeout by the deadline",
        results.size(), String.join("; ", results), held.get() == results.size());
  }

  private static void expectTimeout(String what, VspcLicensingClient client, Duration deadline,
      boolean paged) {
    long start = System.nanoTime();
    try {
      if (paged) {
        client.stream().count();
      } else {
        client.page(10, 0);
      }
      results.add(what + ": no error");
      fail(what + ": expected a timeout");
    } catch (VspcIoException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      Secrets.check(what, e);
      boolean ok = e.isTimeout() && ms <= deadline.toMillis() + SLACK_MS;
      results.add(what + ": " + (e.isTimeout() ? "timeout" : "NOT isTimeout") + " after " + ms
          + " ms (deadline " + deadline.toMillis() + " ms)");
      if (ok) {
        held.incrementAndGet();
      }
      assertThat(e.isTimeout()).as(what + ": isTimeout of " + e).isTrue();
      assertThat(ms).as(what + ": gave up after the deadline of " + deadline.toMillis() + " ms: " + e)
          .isLessThanOrEqualTo(deadline.toMillis() + SLACK_MS);
    }
  }

  /** An emulator with {@code faults} on every request, and a client that must time out on it. */
  private static void emulatorTimesOut(String faults, String what, Duration readTimeout,
      Duration callTimeout, boolean paged) {
    try (VspcEmulator vspc = VspcEmulator.builder().licenses(20).token(Secrets.TOKEN)
        .faults(faults).start()) {
      Duration deadline = Duration.ofMillis(2500);
      try (VspcLicensingClient client = Support.client(vspc.baseUrl())
          .readTimeout(readTimeout).callTimeout(callTimeout)
          .deadline(deadline).maxAttempts(20).build()) {
        expectTimeout(what, client, deadline, paged);
      }
    }
  }

  @Test
  void hangingServerTimesOutAtTheDeadline() {
    emulatorTimesOut("hang@*", "hang (read timeout 0.4 s)", Duration.ofMillis(400),
        Duration.ofSeconds(1), true);
  }

  @Test
  void slowBodyTimesOutAtTheDeadline() {
    emulatorTimesOut("slow:1500@*", "slow body, 1.5 s pauses (read timeout 0.7 s)",
        Duration.ofMillis(700), Duration.ofSeconds(2), false);
  }

  /**
   * A server that sends headers and then one byte of whitespace a second: the read timeout never
   * fires, so only the call timeout and the overall deadline can end it. At most 20 connections,
   * 30 bytes each.
   */
  @Test
  void dripOneBytePerSecondEndsAtTheDeadline() throws Exception {
    try (RawHttpServer server = new RawHttpServer("drip", 20, TimeoutTest::drip)) {
      Duration deadline = Duration.ofMillis(3000);
      try (VspcLicensingClient client = Support.client(server.baseUrl())
          .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofMillis(2000))
          .deadline(deadline).maxAttempts(10).build()) {
        expectTimeout("1 byte/s drip (call timeout 2 s, deadline 3 s)", client, deadline, false);
      }
    }
  }

  private static void drip(OutputStream out) throws IOException, InterruptedException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(1000);
      out.write(' ');
      out.flush();
    }
  }
}

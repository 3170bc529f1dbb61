package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.licensewatch.vspc.client.VspcIoException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Servers that accept and never answer, answer slowly, or drip one byte a second (the emulator's
 * {@code hang}, {@code slow} and {@code drip} faults): the client gives up at its deadline with
 * {@link VspcIoException#isTimeout()}.
 */
@Order(3)
class TimeoutTest {
  /** How far past the deadline giving up may be: scheduling noise on a loaded 2-core machine. */
  static final long SLACK_MS = 750;

  static final List<String> results = new ArrayList<>();
  static final AtomicInteger held = new AtomicInteger();

  @AfterAll
  static void figures() {
    Figures.record(
        "timeouts",
        "hang / slow body / 1 byte per second: typed timeout by the deadline",
        results.size(),
        String.join("; ", results),
        held.get() == results.size());
  }

  private static void expectTimeout(
      String what, VspcLicensingClient client, Duration deadline, boolean paged) {
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
      results.add(
          what
              + ": "
              + (e.isTimeout() ? "timeout" : "NOT isTimeout")
              + " after "
              + ms
              + " ms (deadline "
              + deadline.toMillis()
              + " ms)");
      if (ok) {
        held.incrementAndGet();
      }
      assertThat(e.isTimeout()).as(what + ": isTimeout of " + e).isTrue();
      assertThat(ms)
          .as(what + ": gave up after the deadline of " + deadline.toMillis() + " ms: " + e)
          .isLessThanOrEqualTo(deadline.toMillis() + SLACK_MS);
    }
  }

  /** An emulator with {@code faults} on every request, and a client that must time out on it. */
  private static void emulatorTimesOut(
      String faults,
      String what,
      Duration readTimeout,
      Duration callTimeout,
      Duration deadline,
      int maxAttempts,
      boolean paged) {
    try (VspcEmulator vspc =
        VspcEmulator.builder().licenses(20).token(Secrets.TOKEN).faults(faults).start()) {
      try (VspcLicensingClient client =
          Support.client(vspc.baseUrl())
              .readTimeout(readTimeout)
              .callTimeout(callTimeout)
              .deadline(deadline)
              .maxAttempts(maxAttempts)
              .build()) {
        expectTimeout(what, client, deadline, paged);
      }
    }
  }

  @Test
  void hangingServerTimesOutAtTheDeadline() {
    emulatorTimesOut(
        "hang@*",
        "hang (read timeout 0.4 s)",
        Duration.ofMillis(400),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        20,
        true);
  }

  @Test
  void slowBodyTimesOutAtTheDeadline() {
    emulatorTimesOut(
        "slow:1500@*",
        "slow body, 1.5 s pauses (read timeout 0.7 s)",
        Duration.ofMillis(700),
        Duration.ofSeconds(2),
        Duration.ofMillis(2500),
        20,
        false);
  }

  /**
   * A server that sends headers and then the body a byte a second: the read timeout never fires, so
   * only the call timeout and the overall deadline can end it.
   */
  @Test
  void dripOneBytePerSecondEndsAtTheDeadline() {
    emulatorTimesOut(
        "drip@*",
        "1 byte/s drip (call timeout 2 s, deadline 3 s)",
        Duration.ofSeconds(5),
        Duration.ofMillis(2000),
        Duration.ofMillis(3000),
        10,
        false);
  }
}

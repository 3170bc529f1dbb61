package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.licensewatch.vspc.client.VspcIoException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

  @Test
  void hangingServerTimesOutAtTheDeadline() {
    try (VspcEmulator vspc = VspcEmulator.builder().licenses(20).token(Secrets.TOKEN)
        .faults("hang@*").start()) {
      Duration deadline = Duration.ofMillis(2500);
      try (VspcLicensingClient client = Support.client(vspc.baseUrl())
          .readTimeout(Duration.ofMillis(400)).callTimeout(Duration.ofSeconds(1))
          .deadline(deadline).maxAttempts(20).build()) {
        expectTimeout("hang (read timeout 0.4 s)", client, deadline, true);
      }
    }
  }

  @Test
  void slowBodyTimesOutAtTheDeadline() {
    try (VspcEmulator vspc = VspcEmulator.builder().licenses(20).token(Secrets.TOKEN)
        .faults("slow:1500@*").start()) {
      Duration deadline = Duration.ofMillis(2500);
      try (VspcLicensingClient client = Support.client(vspc.baseUrl())
          .readTimeout(Duration.ofMillis(700)).callTimeout(Duration.ofSeconds(2))
          .deadline(deadline).maxAttempts(20).build()) {
        expectTimeout("slow body, 1.5 s pauses (read timeout 0.7 s)", client, deadline, false);
      }
    }
  }

  /**
   * A server that sends headers and then one byte of whitespace a second: the read timeout never
   * fires, so only the call timeout and the overall deadline can end it.
   */
  @Test
  void dripOneBytePerSecondEndsAtTheDeadline() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread dripper = new Thread(() -> drip(server), "drip-server");
      dripper.setDaemon(true);
      dripper.start();
      Duration deadline = Duration.ofMillis(3000);
      try (VspcLicensingClient client = Support.client("http://127.0.0.1:" + server.getLocalPort())
          .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofMillis(2000))
          .deadline(deadline).maxAttempts(10).build()) {
        expectTimeout("1 byte/s drip (call timeout 2 s, deadline 3 s)", client, deadline, false);
      }
    }
  }

  /** Serves each connection on its own thread; at most 20 connections, 30 bytes each. */
  private static void drip(ServerSocket server) {
    for (int c = 0; c < 20 && !server.isClosed(); c++) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      Thread t = new Thread(() -> {
        try (socket) {
          InputStream in = socket.getInputStream();
          byte[] buf = new byte[8192];
          StringBuilder head = new StringBuilder();
          while (!head.toString().contains("\r\n\r\n") && head.length() < 65536) {
            int n = in.read(buf);
            if (n < 0) {
              return;
            }
            head.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
          }
          OutputStream out = socket.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          for (int i = 0; i < 30; i++) {
            Thread.sleep(1000);
            out.write(' ');
            out.flush();
          }
        } catch (IOException | InterruptedException e) {
          // the client gave up: expected
        }
      }, "drip-" + c);
      t.setDaemon(true);
      t.start();
    }
  }
}

package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensewatch.vspc.client.VspcContractException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 1 GiB page, generated lazily on a real socket and never held anywhere: rejected once past
 * {@code maxResponseBytes}, with the client's heap staying small (surefire runs with -Xmx256m).
 */
@Order(6)
class LargeBodyTest {
  static final long ONE_GIB = 1L << 30;
  static final List<String> results = new ArrayList<>();
  static boolean allHeld = true;

  @AfterAll
  static void figures() {
    Figures.record("bad input", "1 GiB body streamed lazily (Content-Length and chunked)",
        results.size(), String.join("; ", results), allHeld && !results.isEmpty());
  }

  @ParameterizedTest(name = "limit {0} bytes, chunked {1}")
  @CsvSource({"1048576, false", "1048576, true", "33554432, false"})
  void hugeBodyRejectedPastTheLimitWithoutExhaustingMemory(long limit, boolean chunked) throws Exception {
    AtomicLong sent = new AtomicLong();
    try (RawHttpServer server = new RawHttpServer("huge-body", 1,
        out -> serveHugePage(out, chunked, sent))) {
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long before = rt.totalMemory() - rt.freeMemory();
      long peak = before;
      long start = System.nanoTime();
      try (VspcLicensingClient client = Support.client(server.baseUrl())
          .maxResponseBytes(limit).maxAttempts(1).build()) {
        assertThatThrownBy(() -> client.page(500, 0))
            .isInstanceOfSatisfying(VspcContractException.class, e -> {
              assertThat(e.getMessage()).contains("larger than the limit");
              Secrets.check("too large", e);
            });
        peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      long grew = peak - before;
      String line = "limit " + limit + (chunked ? " chunked" : " Content-Length 1 GiB") + ": "
          + sent.get() / 1024 + " KiB sent before the client stopped, heap +" + grew / (1024 * 1024)
          + " MiB, " + ms + " ms";
      System.out.println("[large body] " + line);
      results.add(line);
      // "sent" includes what the loopback socket buffers absorbed before the client's close
      // reached the server (tens of MiB with TCP autotuning): far below 1 GiB is the point.
      // The heap holds at most the licences decoded before the limit (about the limit itself).
      long maxSent = 256L * 1024 * 1024;
      long maxHeap = 2 * limit + 32L * 1024 * 1024;
      boolean ok = sent.get() < maxSent && grew < maxHeap;
      allHeld &= ok;
      assertThat(sent.get()).as("bytes the server got to send").isLessThan(maxSent);
      assertThat(grew).as("heap growth while rejecting").isLessThan(maxHeap);
    }
  }

  /** Headers, then licences generated on the fly until 1 GiB or the client leaves. */
  private static void serveHugePage(OutputStream out, boolean chunked, AtomicLong sent)
      throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + ONE_GIB + "\r\n")
        + "\r\n").getBytes(StandardCharsets.US_ASCII));
    byte[] licence = ("{\"backupServerUid\":\"4288fdf0-90cd-4038-8288-49f8838b5487\","
        + "\"autoUpdateEnabled\":true,\"company\":\"" + "x".repeat(900) + "\"},")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] chunk = new byte[64 * licence.length];
    for (int i = 0; i < 64; i++) {
      System.arraycopy(licence, 0, chunk, i * licence.length, licence.length);
    }
    byte[] open = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
    write(out, open, chunked, sent);
    while (sent.get() + chunk.length < ONE_GIB) {
      write(out, chunk, chunked, sent);
    }
  }

  private static void write(OutputStream out, byte[] bytes, boolean chunked, AtomicLong sent)
      throws IOException {
    if (chunked) {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      out.write(bytes);
    }
    sent.addAndGet(bytes.length);
  }
}

package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensewatch.vspc.client.VspcContractException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 1 GiB page, generated lazily on a real socket and never held anywhere (the emulator's {@code
 * huge} and {@code huge-chunked} faults): rejected once past {@code maxResponseBytes}, with the
 * client's heap staying small (surefire runs with -Xmx256m).
 */
@Order(6)
class LargeBodyTest {
  static final List<String> results = new ArrayList<>();
  static boolean allHeld = true;

  /** The one licence the page repeats: about 1 KiB, most of it one long string. */
  static final Dataset ONE_KIB_LICENSE =
      Dataset.fromJson(
          "[{\"backupServerUid\":"
              + "\"4288fdf0-90cd-4038-8288-49f8838b5487\",\"autoUpdateEnabled\":true,\"company\":\""
              + "x".repeat(900)
              + "\"}]");

  @AfterAll
  static void figures() {
    Figures.record(
        "bad input",
        "1 GiB body streamed lazily (Content-Length and chunked)",
        results.size(),
        String.join("; ", results),
        allHeld && !results.isEmpty());
  }

  @ParameterizedTest(name = "limit {0} bytes, chunked {1}")
  @CsvSource({"1048576, false", "1048576, true", "33554432, false"})
  void hugeBodyRejectedPastTheLimitWithoutExhaustingMemory(long limit, boolean chunked) {
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .dataset(ONE_KIB_LICENSE)
            .token(Secrets.TOKEN)
            .faults(chunked ? "huge-chunked@*" : "huge@*")
            .start()) {
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long before = rt.totalMemory() - rt.freeMemory();
      long peak = before;
      long start = System.nanoTime();
      try (VspcLicensingClient client =
          Support.client(vspc.baseUrl()).maxResponseBytes(limit).maxAttempts(1).build()) {
        assertThatThrownBy(() -> client.page(500, 0))
            .isInstanceOfSatisfying(
                VspcContractException.class,
                e -> {
                  assertThat(e.getMessage()).contains("larger than the limit");
                  Secrets.check("too large", e);
                });
        peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
      }
      long sent = vspc.stats().bytesSent();
      long ms = (System.nanoTime() - start) / 1_000_000;
      long grew = peak - before;
      String line =
          "limit "
              + limit
              + (chunked ? " chunked" : " Content-Length 1 GiB")
              + ": "
              + sent / 1024
              + " KiB sent before the client stopped, heap +"
              + grew / (1024 * 1024)
              + " MiB, "
              + ms
              + " ms";
      System.out.println("[large body] " + line);
      results.add(line);
      // "sent" includes what the loopback socket buffers absorbed before the client's close
      // reached the server (tens of MiB with TCP autotuning): far below 1 GiB is the point.
      // The heap holds at most the licences decoded before the limit (about the limit itself).
      long maxSent = 256L * 1024 * 1024;
      long maxHeap = 2 * limit + 32L * 1024 * 1024;
      boolean ok = sent < maxSent && grew < maxHeap;
      allHeld &= ok;
      assertThat(sent).as("bytes the server got to send").isLessThan(maxSent);
      assertThat(grew).as("heap growth while rejecting").isLessThan(maxHeap);
    }
  }
}

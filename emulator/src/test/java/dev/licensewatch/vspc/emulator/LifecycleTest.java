package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start, concurrency and a clean stop. */
class LifecycleTest {

  @RegisterExtension
  final VspcEmulatorExtension perTest = new VspcEmulatorExtension(b -> b.licenses(2));

  private static long emulatorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("vspc-emulator-"))
        .count();
  }

  @Test
  void anInstanceFieldExtensionRunsAnEmulatorPerTestAndResolvesParameters(VspcEmulator vspc) {
    assertThat(vspc).isSameAs(perTest.emulator());
    assertThat(Http.licenses(vspc, "").status()).isEqualTo(200);
  }

  @Test
  void closingStopsEveryThreadEvenWithAHangingRequest() throws Exception {
    VspcEmulator e = VspcEmulator.builder().licenses(10).faults("hang@1").start();
    OkHttpClient patient = Http.CLIENT.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
    CompletableFuture<Http.Reply> hanging =
        CompletableFuture.supplyAsync(
            () -> Http.get(patient, e.licensesUrl(), VspcEmulator.DEFAULT_TOKEN));
    Await.until("the emulator hangs the request", () -> e.stats().faults(FaultKind.HANG) == 1);
    assertThat(hanging).isNotDone();
    long before = System.nanoTime();
    e.close();
    assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(3_000);
    assertThatThrownBy(() -> hanging.get(5, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IOException.class);
    String prefix = "vspc-emulator-";
    Thread.getAllStackTraces().keySet().stream()
        .filter(
            t ->
                t.isAlive()
                    && t.getName().startsWith(prefix)
                    && !t.getName().contains(perTestServerId()))
        .forEach(t -> assertThat(t.getName()).as("lingering thread").isNull());
  }

  private String perTestServerId() {
    // The per-test emulator of this class runs meanwhile; its threads are not lingering.
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.startsWith("vspc-emulator-") && n.endsWith("-accept"))
        .findFirst()
        .map(n -> n.substring(0, n.length() - "accept".length()))
        .orElse("none");
  }

  @Test
  void theBoundPortIsReleasedOnClose() throws IOException {
    VspcEmulator e = VspcEmulator.builder().licenses(1).start();
    int port = e.port();
    assertThat(e.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
    e.close();
    try (ServerSocket again =
        new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    e.close(); // closing twice is harmless
  }

  @Test
  void concurrentPagesAreServedInParallel() throws Exception {
    try (VspcEmulator e =
        VspcEmulator.builder().licenses(1_000).latency(Duration.ofMillis(300)).start()) {
      long start = System.nanoTime();
      CompletableFuture<?>[] calls = new CompletableFuture<?>[10];
      for (int i = 0; i < calls.length; i++) {
        int offset = i * 100;
        calls[i] =
            CompletableFuture.supplyAsync(() -> Http.licenses(e, "offset=" + offset).status());
      }
      CompletableFuture.allOf(calls).get(10, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("10 calls of 300 ms each, in parallel").isLessThan(2_000);
      assertThat(e.stats().responses(200)).isEqualTo(10);
    }
  }

  @Test
  void aResponseIsInTheStatsAndTheRequestLogByTheTimeTheClientHasIt() {
    // Tests everywhere assert stats right after a call: they must not race the serving thread.
    try (VspcEmulator e = VspcEmulator.builder().licenses(3).start()) {
      for (int i = 1; i <= 300; i++) {
        assertThat(Http.licenses(e, "limit=1").status()).isEqualTo(200);
        assertThat(e.stats().responses(200)).as("after response " + i).isEqualTo(i);
        assertThat(e.requestLog()).as("request log after response " + i).hasSize(i);
      }
    }
  }

  @Test
  void emulatorThreadsAreNamedAndDaemon() {
    assertThat(emulatorThreads()).isPositive();
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().startsWith("vspc-emulator-"))
        .allMatch(Thread::isDaemon);
  }
}

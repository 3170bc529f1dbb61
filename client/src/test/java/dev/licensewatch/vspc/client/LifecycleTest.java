package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** close(): threads and connections are released; a closed client refuses work. */
class LifecycleTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  private static Set<Thread> threads() {
    return Thread.getAllStackTraces().keySet();
  }

  /** Threads started since {@code before} that are still alive and are the client's. */
  private static List<String> leftOver(Set<Thread> before) {
    return threads().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .filter(
            t ->
                t.getName().startsWith("vspc-")
                    || (!t.isDaemon() && t.getName().contains("OkHttp")))
        .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
        .collect(Collectors.toList());
  }

  private static void assertReleased(Set<Thread> before) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (!leftOver(before).isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(leftOver(before)).isEmpty();
  }

  @Test
  void closeReleasesThePrefetchThreads() throws Exception {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1000);
    dispatcher.maxDelayMillis = 5;
    server.setDispatcher(dispatcher);
    Set<Thread> before = threads();
    VspcLicensingClient client =
        Fixtures.client(server, sleeper).concurrency(4).pageSize(100).build();
    assertThat(client.stream().count()).isEqualTo(1000);
    assertThat(threads().stream().anyMatch(t -> t.getName().startsWith("vspc-prefetch")))
        .as("prefetch threads ran")
        .isTrue();
    client.close();
    assertReleased(before);
  }

  @Test
  void closeReleasesThreadsBlockedOnASlowServer() throws Exception {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1000);
    dispatcher.afterTheFirstPage(
        offset ->
            ok(page(1000, offset, licenses(offset, offset + 100)))
                .newBuilder()
                .headersDelay(20, TimeUnit.SECONDS)
                .build());
    server.setDispatcher(dispatcher);
    Set<Thread> before = threads();
    VspcLicensingClient client =
        Fixtures.client(server, sleeper).concurrency(2).pageSize(100).build();
    Stream<BackupServerLicense> licenses = client.stream();
    Iterator<BackupServerLicense> it = licenses.iterator();
    it.next();
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (dispatcher.offsets.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(dispatcher.offsets).as("two pages requested ahead").hasSize(3);
    client.close();
    assertReleased(before);
    assertThat(sleeper.waits).as("no retry after close").isEmpty();
  }

  @Test
  void aClosedClientRefusesWork() {
    VspcLicensingClient client = Fixtures.client(server, sleeper).build();
    client.close();
    client.close(); // idempotent
    assertThat(CleanFailures.failure(IllegalStateException.class, client::stream))
        .hasMessageContaining("closed");
    assertThat(CleanFailures.failure(IllegalStateException.class, () -> client.page(100, 0)))
        .hasMessageContaining("closed");
    assertThat(CleanFailures.failure(IllegalStateException.class, client::page))
        .hasMessageContaining("closed");
    assertThat(
            CleanFailures.failure(IllegalStateException.class, () -> client.licenses().iterator()))
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closeStopsARequestUnderWayAlsoWithASuppliedOkHttpClient() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().build();
    server.enqueue(
        ok(page(1, 0, licenses(0, 1))).newBuilder().headersDelay(20, TimeUnit.SECONDS).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    VspcLicensingClient client = Fixtures.client(server, sleeper).okHttpClient(shared).build();
    CompletableFuture<LicensePage> page = CompletableFuture.supplyAsync(() -> client.page(100, 0));
    assertThat(server.takeRequest(3, TimeUnit.SECONDS)).as("the page was requested").isNotNull();
    long start = System.nanoTime();
    client.close();
    // Well before the 10 s read timeout: close() cancelled the call, not a timeout.
    Throwable thrown = catchThrowable(() -> page.get(3, TimeUnit.SECONDS));
    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(VspcIoException.class);
    VspcIoException e = (VspcIoException) thrown.getCause();
    CleanFailures.assertClean(e);
    assertThat(e.isTimeout()).isFalse();
    assertThat(e.kind()).isEqualTo(VspcIoException.Kind.STOPPED);
    assertThat(e).hasMessageContaining("closed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(sleeper.waits).as("no retry after close").isEmpty();
    try (Response response =
        shared.newCall(new Request.Builder().url(server.url("/other")).build()).execute()) {
      assertThat(response.code()).as("the shared client still works").isEqualTo(204);
    }
    shared.connectionPool().evictAll();
  }

  @Test
  void aSuppliedOkHttpClientIsLeftUsable() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().build();
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).okHttpClient(shared).build()) {
      assertThat(client.page(100, 0).licenses()).hasSize(1);
    }
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    try (Response response =
        shared.newCall(new Request.Builder().url(server.url("/other")).build()).execute()) {
      assertThat(response.code()).isEqualTo(204);
      assertThat(response.request().header("Authorization"))
          .as("the shared client is not changed")
          .isNull();
    }
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }
}

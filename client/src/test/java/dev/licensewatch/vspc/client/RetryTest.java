package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.errors;
import static dev.licensewatch.vspc.client.Fixtures.json;
import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry policy: what is retried, how long the client waits (recorded, never slept), and what
 * the caller gets when retries do not help.
 */
class RetryTest {
  static final String THROTTLED = errors("x", "transport", 429, "\"retryAfter\":7");

  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingListener listener = new RecordingListener();

  private VspcLicensingClient.Builder client() {
    return Fixtures.client(server, sleeper).eventListener(listener);
  }

  private LicensePage fetchOnePage(VspcLicensingClient.Builder builder) {
    try (VspcLicensingClient client = builder.build()) {
      return client.page(100, 0);
    }
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      all.add(server.takeRequest(1, TimeUnit.SECONDS));
    }
    return all;
  }

  private static final MockResponse SUCCESS = ok(page(2, 0, licenses(0, 2)));

  @Test
  void honoursRetryAfterSecondsOn429() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
    server.enqueue(SUCCESS);
    assertThat(fetchOnePage(client()).licenses()).hasSize(2);
    assertThat(sleeper.waits).hasSize(1);
    assertThat(sleeper.waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(listener.retries)
        .singleElement()
        .satisfies(
            retry -> {
              assertThat(retry.attempt()).isEqualTo(1);
              assertThat(retry.delay()).isEqualTo(sleeper.waits.get(0));
              assertThat(retry.reason()).contains("429");
            });
  }

  @Test
  void honoursRetryAfterInTheBodyOn429() {
    server.enqueue(json(429, THROTTLED));
    server.enqueue(SUCCESS);
    assertThat(fetchOnePage(client()).licenses()).hasSize(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    String in30Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("Retry-After", in30Seconds).build());
    server.enqueue(SUCCESS);
    assertThat(fetchOnePage(client()).licenses()).hasSize(2);
    assertThat(sleeper.waits)
        .singleElement()
        .satisfies(
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30)));
  }

  static Stream<Arguments> retriedStatuses() {
    return Stream.of(
        Arguments.of(503, "{}"),
        Arguments.of(500, "{}"),
        Arguments.of(502, ""),
        Arguments.of(504, ""),
        Arguments.of(408, ""),
        Arguments.of(520, Fixtures.SERVER_ERROR_520));
  }

  @ParameterizedTest
  @MethodSource("retriedStatuses")
  void retriesTransientStatusesThenSucceeds(int status, String body) throws Exception {
    server.enqueue(json(status, body));
    server.enqueue(SUCCESS);
    assertThat(fetchOnePage(client()).licenses()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.waits).hasSize(1);
    List<RecordedRequest> sent = requests();
    assertThat(sent.get(1).getHeaders().get("X-Request-id"))
        .isEqualTo(sent.get(0).getHeaders().get("X-Request-id"));
  }

  @Test
  void takesTheLongerOfTheHeaderAndTheBodyRetryAfter() {
    server.enqueue(json(429, THROTTLED).newBuilder().setHeader("Retry-After", "3").build());
    server.enqueue(
        json(429, errors("x", "transport", 429, "\"retryAfter\":1"))
            .newBuilder()
            .setHeader("Retry-After", "4")
            .build());
    server.enqueue(SUCCESS);
    fetchOnePage(client());
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(4));
  }

  @Test
  void retriesAReadTimeoutThenReportsItAsATimeout() {
    MockResponse slow = SUCCESS.newBuilder().headersDelay(2, TimeUnit.SECONDS).build();
    server.enqueue(slow);
    server.enqueue(SUCCESS);
    server.enqueue(slow);
    server.enqueue(slow);
    try (VspcLicensingClient client =
        client().readTimeout(Duration.ofMillis(200)).maxAttempts(2).build()) {
      assertThat(client.page(100, 0).licenses()).hasSize(2);
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e.isTimeout()).isTrue();
      assertThat(e).hasMessageContaining("timed out");
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void backsOffExponentiallyWithJitterFromHalfASecond() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{}"));
    }
    server.enqueue(SUCCESS);
    fetchOnePage(client());
    assertThat(sleeper.waits).hasSize(3);
    assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(sleeper.waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  static Stream<SocketEffect> midBodyFailures() {
    return Stream.of(
        new SocketEffect.CloseSocket(),
        new SocketEffect.CloseSocket(false, false, true),
        SocketEffect.ShutdownConnection.INSTANCE);
  }

  @ParameterizedTest
  @MethodSource("midBodyFailures")
  void retriesAConnectionLostMidBody(SocketEffect effect) {
    server.enqueue(ok(page(300, 0, licenses(0, 100))).newBuilder().onResponseBody(effect).build());
    server.enqueue(ok(page(300, 0, licenses(0, 100))));
    assertThat(fetchOnePage(client()).licenses()).hasSize(100);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(listener.retries).hasSize(1);
  }

  @Test
  void retriesAConnectionRefusedThenReportsIt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (VspcLicensingClient client =
        client().baseUrl("http://127.0.0.1:" + port).maxAttempts(3).build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e).hasMessageContaining("cannot connect").hasMessageContaining("3 attempts");
      assertThat(e.kind()).isEqualTo(VspcIoException.Kind.CONNECT);
      assertThat(e.httpStatus()).isZero();
      assertThat(e.isTls()).isFalse();
      assertThat(e.requestId()).isNotNull();
    }
    assertThat(sleeper.waits).hasSize(2);
  }

  @Test
  void aThrottledRequestWaitsAsToldWithoutSpendingItsAttempts() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(429, THROTTLED));
    }
    server.enqueue(SUCCESS);
    assertThat(fetchOnePage(client().maxAttempts(2)).licenses()).hasSize(2);
    assertThat(sleeper.waits).hasSize(6).containsOnly(Duration.ofSeconds(7));
    assertThat(listener.retries)
        .extracting(RecordingListener.Retry::attempt)
        .containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aThrottleWithoutAHintBacksOffWithoutSpendingAttempts() {
    // VSPC's limit of simultaneous requests answers 429 with no retryAfter.
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(429, errors("Too many requests.", "transport", 429, "")));
    }
    server.enqueue(SUCCESS);
    assertThat(fetchOnePage(client().maxAttempts(1)).licenses()).hasSize(2);
    assertThat(sleeper.waits).hasSize(4);
    assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeper.waits.get(3)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
  }

  @Test
  void aBurstOf429And520AndAResetAnd503OnOnePageIsRiddenOut() {
    // The burst that failed a whole export: three failures and a throttle, then the page.
    server.enqueue(json(429, THROTTLED));
    server.enqueue(json(520, errors("Failed to retrieve the licenses.", "unspecified", 520, "")));
    server.enqueue(
        ok(page(300, 0, licenses(0, 100)))
            .newBuilder()
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    server.enqueue(json(503, "{}"));
    server.enqueue(SUCCESS);
    assertThat(fetchOnePage(client()).licenses()).hasSize(2);
    assertThat(listener.retries)
        .extracting(RecordingListener.Retry::reason)
        .satisfiesExactly(
            r -> assertThat(r).isEqualTo("HTTP 429"),
            r -> assertThat(r).isEqualTo("HTTP 520"),
            r -> assertThat(r).contains("unexpected end of stream"),
            r -> assertThat(r).isEqualTo("HTTP 503"));
  }

  @Test
  void failuresKeepTheirBudgetBetweenThrottles() throws Exception {
    MockResponse failed =
        json(520, errors("Failed to retrieve the licenses.", "unspecified", 520, ""));
    for (MockResponse r :
        List.of(
            failed, json(429, THROTTLED), failed, json(429, THROTTLED), failed, failed, SUCCESS)) {
      server.enqueue(r);
    }
    try (VspcLicensingClient client = client().build()) {
      VspcServerException e =
          CleanFailures.failure(VspcServerException.class, () -> client.page(100, 0));
      assertThat(e.httpStatus()).isEqualTo(520);
      assertThat(e).hasMessageContaining("(after 4 attempts and 2 throttled requests)");
      assertThat(e.requestId()).isEqualTo(requests().get(5).getHeaders().get("X-Request-id"));
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void aServerThatKeepsThrottlingFailsTheRequestAtItsDeadline() throws Exception {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(2);
    dispatcher.override = offset -> json(429, THROTTLED);
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client().deadline(Duration.ofSeconds(60)).build()) {
      VspcRateLimitedException e =
          CleanFailures.failure(VspcRateLimitedException.class, () -> client.page(100, 0));
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
      assertThat(e.errors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.message()).isEqualTo("x");
                assertThat(error.code()).isEqualTo(429);
                assertThat(error.retryAfter()).isEqualTo(7);
                assertThat(error.type().value()).isEqualTo("transport");
              });
      assertThat(e)
          .hasMessageContaining("429")
          .hasMessageContaining("gave up after 9 throttled requests")
          .hasMessageContaining("60 s deadline");
      assertThat(e.requestId()).isEqualTo(requests().get(0).getHeaders().get("X-Request-id"));
    }
    // 8 waits of 7 s fit in 60 s; a 9th would not
    assertThat(sleeper.waits).hasSize(8).containsOnly(Duration.ofSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(9);
  }

  @Test
  void exhaustedServerErrorsAreAServerExceptionWithTheServersErrors() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(520, errors("Failed to retrieve the licenses.", "unspecified", 520, "")));
    }
    try (VspcLicensingClient client = client().build()) {
      VspcServerException e =
          CleanFailures.failure(VspcServerException.class, () -> client.page(100, 0));
      assertThat(e.httpStatus()).isEqualTo(520);
      assertThat(e.errors())
          .extracting(error -> error.message())
          .containsExactly("Failed to retrieve the licenses.");
      assertThat(e)
          .hasMessageContaining("520")
          .hasMessageContaining("Failed to retrieve the licenses.");
      assertThat(e.requestId()).isEqualTo(requests().get(3).getHeaders().get("X-Request-id"));
    }
  }

  @Test
  void exhaustedConnectionFailuresAreAnIoException() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          ok(page(300, 0, licenses(0, 100)))
              .newBuilder()
              .onResponseBody(new SocketEffect.CloseSocket())
              .build());
    }
    try (VspcLicensingClient client = client().build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e.httpStatus()).isZero();
      assertThat(e.requestId()).isNotNull();
      assertThat(e.getCause()).isInstanceOf(IOException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void maxAttemptsOfOneDisablesRetriesAfterFailures() {
    server.enqueue(json(503, "{}"));
    server.enqueue(SUCCESS);
    try (VspcLicensingClient client = client().maxAttempts(1).build()) {
      CleanFailures.failure(VspcServerException.class, () -> client.page(100, 0));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void neverRetriesClientErrors(int status) {
    server.enqueue(json(status, errors("no", "logical", status, "")));
    server.enqueue(SUCCESS);
    try (VspcLicensingClient client = client().build()) {
      VspcException e = CleanFailures.failure(VspcException.class, () -> client.page(100, 0));
      assertThat(e.httpStatus()).isEqualTo(status);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void anAbsurdRetryAfterFailsAtOnceSayingSo() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    server.enqueue(SUCCESS);
    try (VspcLicensingClient client = client().build()) {
      VspcRateLimitedException e =
          CleanFailures.failure(VspcRateLimitedException.class, () -> client.page(100, 0));
      assertThat(e).hasMessageContaining("3600 s").hasMessageContaining("120 s");
      assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void maxRetryAfterRaisesTheCap() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    server.enqueue(SUCCESS);
    fetchOnePage(client().maxRetryAfter(Duration.ofHours(2)).deadline(Duration.ofHours(3)));
    assertThat(sleeper.waits).containsExactly(Duration.ofHours(1));
  }

  @Test
  void theDeadlineStopsRetrying() {
    // Waits of exactly 4 s (the server's, over a jittered 2..4 s backoff): 4 fit in 20 s, and the
    // last attempt still has almost 4 s, so that a busy machine cannot make it time out instead.
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1);
    dispatcher.override =
        offset -> json(503, "{}").newBuilder().setHeader("Retry-After", "4").build();
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client =
        client()
            .maxAttempts(1000)
            .backoff(Duration.ofSeconds(4), Duration.ofSeconds(4))
            .deadline(Duration.ofSeconds(20))
            .build()) {
      VspcServerException e =
          CleanFailures.failure(VspcServerException.class, () -> client.page(100, 0));
      assertThat(e)
          .hasMessageContaining("gave up after 5 attempts")
          .hasMessageContaining("20 s deadline");
      assertThat(e.httpStatus()).isEqualTo(503);
    }
    assertThat(sleeper.waits).hasSize(4).containsOnly(Duration.ofSeconds(4));
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aServerWaitBeyondTheDeadlineFailsAtOnce() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());
    server.enqueue(SUCCESS);
    try (VspcLicensingClient client = client().deadline(Duration.ofSeconds(10)).build()) {
      VspcRateLimitedException e =
          CleanFailures.failure(VspcRateLimitedException.class, () -> client.page(100, 0));
      assertThat(e).hasMessageContaining("deadline");
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptedCallIsReportedAsInterruptedNotAsATimeout() throws Exception {
    // The body trickles in, so the reading thread checks its interrupt flag between chunks.
    server.enqueue(
        ok(page(300, 0, licenses(0, 100)))
            .newBuilder()
            .throttleBody(64, 100, TimeUnit.MILLISECONDS)
            .build());
    server.enqueue(SUCCESS);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    try (VspcLicensingClient client = client().build()) {
      Thread caller =
          new Thread(
              () -> {
                thrown.set(catchThrowable(() -> client.page(100, 0)));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      assertThat(server.takeRequest(3, TimeUnit.SECONDS)).as("the page was requested").isNotNull();
      Thread.sleep(300);
      caller.interrupt();
      caller.join(3_000);
      assertThat(caller.isAlive()).as("the interrupt ended the call").isFalse();
    }
    assertThat(thrown.get()).isInstanceOf(VspcIoException.class);
    VspcIoException e = (VspcIoException) thrown.get();
    CleanFailures.assertClean(e);
    assertThat(e.isTimeout()).isFalse();
    assertThat(e.kind()).isEqualTo(VspcIoException.Kind.STOPPED);
    assertThat(e).hasMessageStartingWith("interrupted").hasMessageNotContaining("timed out");
    assertThat(stillInterrupted).as("the interrupt flag is kept").isTrue();
    assertThat(server.getRequestCount()).as("no retry").isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void theDeadlineAlsoBoundsASlowAttempt() {
    server.enqueue(SUCCESS.newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    long start = System.nanoTime();
    try (VspcLicensingClient client = client().deadline(Duration.ofMillis(700)).build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e.isTimeout()).isTrue();
      assertThat(e).hasMessageContaining("deadline");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }
}

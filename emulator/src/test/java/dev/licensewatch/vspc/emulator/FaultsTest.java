package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each fault kind, served at the scheduled licences request and counted. */
class FaultsTest {

  @RegisterExtension
  static final VspcEmulatorExtension VSPC = new VspcEmulatorExtension(b -> b.licenses(600));

  private VspcEmulator vspc;

  @BeforeEach
  void resetFaults() {
    vspc = VSPC.emulator();
    vspc.setFaults(FaultPlan.none());
    vspc.setLatency(Duration.ZERO);
    vspc.resetStats();
  }

  private Http.Reply page() {
    return Http.licenses(vspc, "limit=500");
  }

  @Test
  void faultsHitTheScheduledRequestsCountedFromWhenThePlanWasSet() {
    page();
    vspc.setFaults("429@2,520@3");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(page().status());
    }
    assertThat(statuses).containsExactly(200, 429, 520, 200);
    EmulatorStats stats = vspc.stats();
    assertThat(stats.licenseRequests()).isEqualTo(5);
    assertThat(stats.faults(FaultKind.THROTTLE)).isEqualTo(1);
    assertThat(stats.faults(FaultKind.SERVER_ERROR)).isEqualTo(1);
    assertThat(stats.totalFaults()).isEqualTo(2);
    assertThat(stats.responses(200)).isEqualTo(3);
  }

  @Test
  void throttleSendsRetryAfterAsAHeader() {
    vspc.setFaults("429:30@1");
    Http.Reply reply = page();
    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).isEqualTo("30");
    assertThat(reply.firstError())
        .containsEntry("type", "transport")
        .containsEntry("code", 429.0)
        .doesNotContainKey("retryAfter");
  }

  @Test
  void throttleBodySendsRetryAfterInTheEnvelopeOnly() {
    vspc.setFaults("429body:7@1");
    Http.Reply reply = page();
    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).isNull();
    assertThat(reply.firstError()).containsEntry("retryAfter", 7.0);
  }

  @Test
  void throttleBothSendsTheHeaderAndTheBody() {
    vspc.setFaults("429both:25@1");
    Http.Reply reply = page();
    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).isEqualTo("25");
    assertThat(reply.firstError())
        .containsEntry("retryAfter", 25.0)
        .containsEntry("type", "transport");
  }

  @ParameterizedTest
  @EnumSource(FaultKind.class)
  void everyFaultKindIsCountedOnceInTheStats(FaultKind kind) {
    vspc.setFaults(FaultPlan.parse(kind.token() + ":1@1"));
    // A drip never lets the read timeout fire: only the call timeout ends it.
    OkHttpClient impatient =
        Http.CLIENT
            .newBuilder()
            .readTimeout(Duration.ofMillis(300))
            .callTimeout(Duration.ofSeconds(2))
            .build();
    try {
      Http.get(impatient, vspc.licensesUrl(), VspcEmulator.DEFAULT_TOKEN);
    } catch (UncheckedIOException expected) {
      // reset, truncate, drip and hang end without a complete response
    }
    EmulatorStats stats = vspc.stats();
    assertThat(stats.faults(kind)).isEqualTo(1);
    assertThat(stats.totalFaults()).isEqualTo(1);
    assertThat(stats.licenseRequests()).isEqualTo(1);
  }

  @Test
  void unavailableIsPlainTextWithoutEnvelope() {
    vspc.setFaults("503@1");
    Http.Reply reply = page();
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Content-Type")).startsWith("text/plain");
    assertThat(reply.text()).doesNotContain("errors");
  }

  @Test
  void serverErrorIs520WithAnUnspecifiedEnvelope() {
    vspc.setFaults("520@1");
    Http.Reply reply = page();
    assertThat(reply.status()).isEqualTo(520);
    assertThat(reply.firstError())
        .containsEntry("type", "unspecified")
        .containsEntry("code", 520.0);
  }

  @Test
  void resetBreaksTheConnectionMidBody() {
    vspc.setFaults("reset@1");
    assertThatThrownBy(this::page)
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(vspc.stats().faults(FaultKind.RESET)).isEqualTo(1);
    assertThat(page().status()).as("the next request is served normally").isEqualTo(200);
  }

  @Test
  void truncateEndsTheBodyEarly() {
    vspc.setFaults("truncate@1");
    assertThatThrownBy(this::page)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("unexpected end of stream");
    assertThat(vspc.stats().faults(FaultKind.TRUNCATE)).isEqualTo(1);
    assertThat(page().status()).isEqualTo(200);
  }

  @Test
  void slowBodyDripsTheWholeBody() {
    Http.Reply normal = page();
    vspc.setFaults("slow:30@1");
    long start = System.nanoTime();
    Http.Reply slow = page();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(slow.body()).isEqualTo(normal.body());
    assertThat(millis).isGreaterThanOrEqualTo(290);
    assertThat(vspc.stats().faults(FaultKind.SLOW_BODY)).isEqualTo(1);
  }

  @Test
  void dripSendsTheBodyOneByteAtATime() throws Exception {
    vspc.setFaults("drip:30@1");
    long start = System.nanoTime();
    try (Socket socket = rawGet("?limit=1")) {
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      assertThat(head).startsWith("HTTP/1.1 200 OK").contains("Content-Length: ");
      // A pause before each byte: five bytes cannot come sooner than five pauses after the
      // request, however late this thread reads them (load cannot break this, as it could a
      // count of bytes per read).
      for (int i = 0; i < 5; i++) {
        assertThat(in.read()).as("body byte " + i).isNotNegative();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis)
          .as("the request and five dripped bytes took")
          .isGreaterThanOrEqualTo(5 * 30);
    }
    assertThat(vspc.stats().faults(FaultKind.DRIP)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"huge", "huge-chunked"})
  void aHugePageIsExactlyItsSizeAndAValidPage(String kind) {
    vspc.setFaults(kind + ":2@1");
    Http.Reply reply = page();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).hasSize(2 << 20);
    assertThat(reply.header("Content-Length"))
        .isEqualTo(kind.equals("huge") ? Integer.toString(2 << 20) : null);
    List<Map<String, Object>> data = reply.data();
    assertThat(data.size())
        .isGreaterThan(1_000)
        .isEqualTo(((Double) reply.pagingInfo().get("count")).intValue());
    assertThat(data.get(600)).as("the dataset over again").isEqualTo(data.get(0));
    EmulatorStats stats = vspc.stats();
    assertThat(stats.licensesServed()).isEqualTo(data.size());
    assertThat(stats.bytesSent()).isGreaterThan(2 << 20);
  }

  @Test
  void aHugePageStopsWhenTheClientLeaves() throws Exception {
    vspc.setFaults("huge@1");
    try (Socket socket = rawGet("")) {
      assertThat(readHead(socket.getInputStream())).contains("Content-Length: " + (1L << 30));
      socket.setSoLinger(true, 0);
    }
    Await.until("the emulator's write fails", () -> vspc.stats().responses(200) == 0);
    assertThat(vspc.stats().responses(200)).as("not a complete response").isZero();
    assertThat(vspc.stats().bytesSent()).as("far from 1 GiB").isLessThan(256L << 20);
  }

  /** A socket that has sent a GET of the licences with {@code query} and the default token. */
  private Socket rawGet(String query) throws IOException {
    URI url = URI.create(vspc.licensesUrl());
    Socket socket = new Socket(url.getHost(), url.getPort());
    socket
        .getOutputStream()
        .write(
            ("GET "
                    + url.getPath()
                    + query
                    + " HTTP/1.1\r\nHost: "
                    + url.getHost()
                    + "\r\nAuthorization: Bearer "
                    + VspcEmulator.DEFAULT_TOKEN
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** The status line and headers of a response read off a raw socket. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    return head.toString();
  }

  @Test
  void aResponseTheClientAbandonsIsNotCountedAsComplete() throws Exception {
    vspc.setFaults("slow:100@1");
    try (Socket socket = rawGet("?limit=500")) {
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
      assertThat(vspc.stats().responses(200)).as("counted as sending starts").isEqualTo(1);
      socket.setSoLinger(true, 0); // the close resets: the emulator's next piece fails
    }
    Await.until("the emulator's write fails", () -> vspc.stats().responses(200) == 0);
    assertThat(vspc.stats().responses(200)).as("taken back when sending failed").isZero();
    assertThat(vspc.stats().faults(FaultKind.SLOW_BODY)).isEqualTo(1);
  }

  @Test
  void hangNeverAnswers() {
    vspc.setFaults("hang@1");
    OkHttpClient impatient = Http.CLIENT.newBuilder().readTimeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> Http.get(impatient, vspc.licensesUrl(), VspcEmulator.DEFAULT_TOKEN))
        .hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(vspc.stats().faults(FaultKind.HANG)).isEqualTo(1);
  }

  @Test
  void delayAndLatencyPostponeANormalAnswer() {
    vspc.setFaults("delay:200@1");
    long start = System.nanoTime();
    assertThat(page().status()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(195);

    vspc.setFaults(FaultPlan.none());
    vspc.setLatency(Duration.ofMillis(150));
    start = System.nanoTime();
    assertThat(page().status()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(145);
  }

  @Test
  void aKeptAliveConnectionSurvivesErrorResponses() {
    vspc.setFaults("429@1,520@2");
    assertThat(page().status()).isEqualTo(429);
    assertThat(page().status()).isEqualTo(520);
    assertThat(page().status()).isEqualTo(200);
    assertThat(vspc.stats().requests()).isEqualTo(3);
  }

  @Test
  void randomFaultsAreTheSameForTheSameSeed() {
    String spec = "random:seed=42,rate=0.3,kinds=429|503|520";
    List<Integer> first = statuses(spec, 40);
    List<Integer> second = statuses(spec, 40);
    assertThat(first).isEqualTo(second);
    assertThat(first).contains(200).containsAnyOf(429, 503, 520);
    assertThat(statuses("random:seed=43,rate=0.3,kinds=429|503|520", 40)).isNotEqualTo(first);
  }

  private List<Integer> statuses(String spec, int n) {
    vspc.setFaults(spec);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Http.licenses(vspc, "limit=1").status());
    }
    return out;
  }
}

package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.license;
import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static dev.licensewatch.vspc.client.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict mode (default) refuses a body that breaks the API document, naming where and which
 * licence; lenient mode keeps the data and reports each violation once.
 */
class DecodingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingListener listener = new RecordingListener();

  /** Licence 1 with {@code autoUpdateEnabled} replaced by {@code replacement} (or left out). */
  private static String brokenLicense(String replacement) {
    String fine = license(1);
    String broken = fine.replace("\"autoUpdateEnabled\":false", replacement);
    assertThat(broken).isNotEqualTo(fine);
    return broken.replace("{,", "{").replace(",,", ",");
  }

  private VspcContractException strictFailure(String body) {
    server.enqueue(ok(body));
    server.enqueue(ok(page(0, 0, List.of())));
    VspcContractException e;
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).eventListener(listener).build()) {
      e = CleanFailures.failure(VspcContractException.class, () -> client.page(100, 0));
    }
    assertThat(server.getRequestCount()).as("a broken body is not retried").isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
    assertThat(e.requestId()).isNotNull();
    assertThat(e.httpStatus()).isEqualTo(200);
    return e;
  }

  /** Like {@link #strictFailure} for a request with this {@code limit} and {@code offset}. */
  private VspcContractException strictPageFailure(String body, int limit, int offset) {
    server.enqueue(ok(body));
    VspcContractException e;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      e = CleanFailures.failure(VspcContractException.class, () -> client.page(limit, offset));
    }
    assertThat(server.getRequestCount()).as("a broken body is not retried").isEqualTo(1);
    assertThat(e.httpStatus()).isEqualTo(200);
    return e;
  }

  /** What a lenient client streams from one page of {@code licenses}. */
  private List<BackupServerLicense> lenientStream(List<String> licenses) {
    server.enqueue(ok(page(licenses.size(), 0, licenses)));
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).strict(false).eventListener(listener).build()) {
      return client.stream().collect(Collectors.toList());
    }
  }

  /** The one violation a lenient client reports for {@code body}, having kept its licences. */
  private ContractViolation lenientPageViolation(String body, int limit, int offset, int kept) {
    server.enqueue(ok(body));
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).strict(false).eventListener(listener).build()) {
      assertThat(client.page(limit, offset).licenses()).hasSize(kept);
    }
    assertThat(listener.violations).hasSize(1);
    return listener.violations.get(0);
  }

  private VspcContractException strictLicenseFailure(String brokenLicense) {
    return strictFailure(page(3, 0, List.of(license(0), brokenLicense, license(2))));
  }

  @Test
  void strictRefusesAMissingRequiredProperty() {
    VspcContractException e = strictLicenseFailure(brokenLicense(""));
    assertThat(e.jsonPath()).isEqualTo("$.data[1].autoUpdateEnabled");
    assertThat(e.identity()).isEqualTo("backupServerUid " + uid(1));
    assertThat(e)
        .hasMessageContaining("$.data[1].autoUpdateEnabled")
        .hasMessageContaining("missing")
        .hasMessageContaining("backupServerUid " + uid(1));
  }

  @Test
  void aConnectionLostInsideABrokenLicenseIsRetriedNotReportedAsABrokenBody() {
    // The broken property is seen first; then the connection drops before the licence ends.
    // Retrofit rethrows the transport failure it saw over our contract signal: keep it that way.
    String whole =
        page(3, 0, List.of(license(0), brokenLicense("\"autoUpdateEnabled\":\"no\""), license(2)));
    String cut = whole.substring(0, whole.indexOf("Company 1") + 3);
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .body(cut)
            .setHeader("Content-Length", whole.length())
            .onResponseEnd(new SocketEffect.CloseSocket())
            .build());
    server.enqueue(ok(page(3, 0, licenses(0, 3))));
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).eventListener(listener).build()) {
      assertThat(client.page(100, 0).licenses()).hasSize(3);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(listener.retries)
        .singleElement()
        .satisfies(
            retry ->
                assertThat(retry.reason())
                    .as("a transport failure, not an HTTP status")
                    .doesNotStartWith("HTTP"));
  }

  /** A null in a non-nullable property, and a wrong JSON type: the message names the problem. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"null | null", "\"yes\" | boolean"})
  void strictRefusesNullOrAWrongJsonType(String value, String problem) {
    VspcContractException e = strictLicenseFailure(brokenLicense("\"autoUpdateEnabled\":" + value));
    assertThat(e.jsonPath()).isEqualTo("$.data[1].autoUpdateEnabled");
    assertThat(e.identity()).isEqualTo("backupServerUid " + uid(1));
    assertThat(e).hasMessageContaining(problem).hasMessageContaining("backupServerUid " + uid(1));
  }

  @Test
  void strictNamesTheLicenseEvenWhenItsIdentityComesAfterTheProblem() {
    String broken = "{\"autoUpdateEnabled\":null,\"backupServerUid\":\"" + uid(1) + "\"}";
    VspcContractException e = strictLicenseFailure(broken);
    assertThat(e.identity()).isEqualTo("backupServerUid " + uid(1));
  }

  @Test
  void aServerValueWithLineBreaksStillGivesAOneLineMessage() {
    VspcContractException e = strictLicenseFailure(licenseExpiring("not\\na\\r\\ndate"));
    assertThat(e.jsonPath()).isEqualTo("$.data[1].expirationDate");
  }

  @Test
  void aLenientViolationQuotingLineBreaksIsOneLineToo() {
    ContractViolation v =
        lenientPageViolation(page(1, 0, List.of(licenseExpiring("not\\na date"))), 100, 0, 1);
    CleanFailures.assertOneLine(v.message());
    CleanFailures.assertOneLine(v.toString());
  }

  /** Licence 1 with only its identity, a flag and this (JSON-escaped) {@code expirationDate}. */
  private static String licenseExpiring(String escapedDate) {
    return "{\"backupServerUid\":\""
        + uid(1)
        + "\",\"autoUpdateEnabled\":true,\"expirationDate\":\""
        + escapedDate
        + "\"}";
  }

  @Test
  void strictRefusesAPagingInfoThatContradictsTheData() {
    VspcContractException e = strictFailure(contradictingPagingInfo());
    assertThat(e.jsonPath()).isEqualTo("$.meta.pagingInfo.count");
  }

  /** Pages that contradict their request: refused when strict, reported and kept when lenient. */
  static Stream<Arguments> pagesThatContradictTheirRequest() {
    return Stream.of(
        arguments(
            "more licences than the limit",
            page(3, 0, licenses(0, 3)),
            2,
            0,
            3,
            "$.data",
            "has 3 licences, more than the limit 2"),
        arguments(
            "a page for another offset",
            page(300, 0, licenses(0, 100)),
            100,
            200,
            100,
            "$.meta.pagingInfo.offset",
            "is 0 but the request asked for offset 200"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void pagesThatContradictTheirRequest(
      String what, String body, int limit, int offset, int kept, String jsonPath, String problem) {
    VspcContractException e = strictPageFailure(body, limit, offset);
    assertThat(e.jsonPath()).isEqualTo(jsonPath);
    assertThat(e).hasMessageContaining("breaks the API document at " + jsonPath + ": " + problem);

    ContractViolation v = lenientPageViolation(body, limit, offset, kept);
    assertThat(v.jsonPath()).isEqualTo(jsonPath);
    assertThat(v.message()).isEqualTo(problem);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"data\":[{", "{\"data\":[]}} trailing", "{\"data\":[]} {}", "[]", "null"})
  void strictRefusesMalformedJson(String body) {
    VspcContractException e = strictFailure(body);
    assertThat(e).hasMessageContaining("breaks the API document");
  }

  @Test
  void strictRefusesAnEmptyBody() {
    VspcContractException e = strictFailure("");
    assertThat(e.jsonPath()).isEqualTo("$");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void refusesAnHtmlPageEvenWith200InBothModes(boolean strict) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html")
            .body("<html><body>Sign in</body></html>")
            .build());
    VspcContractException e;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).strict(strict).build()) {
      e = CleanFailures.failure(VspcContractException.class, () -> client.page(100, 0));
    }
    assertThat(e).hasMessageContaining("text/html");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void lenientKeepsEveryLicenseAndReportsEachViolationOnce() {
    String nullFlag = brokenLicense("\"autoUpdateEnabled\":null");
    String wrongType = license(2).replace("\"units\":2.0", "\"units\":\"many\"");
    List<BackupServerLicense> licenses =
        lenientStream(List.of(license(0), nullFlag, wrongType, license(3)));
    assertThat(licenses)
        .extracting(BackupServerLicense::backupServerUid)
        .containsExactly(uid(0), uid(1), uid(2), uid(3));
    assertThat(licenses.get(1).autoUpdateEnabled()).isNull();
    assertThat(licenses.get(2).units()).isNull();
    assertThat(listener.violations).hasSize(2);
    assertThat(listener.violations.get(0).jsonPath()).isEqualTo("$.data[1].autoUpdateEnabled");
    assertThat(listener.violations.get(0).identity()).isEqualTo("backupServerUid " + uid(1));
    assertThat(listener.violations.get(1).jsonPath()).isEqualTo("$.data[2].units");
    assertThat(listener.violations.get(1).identity()).isEqualTo("backupServerUid " + uid(2));
    assertThat(listener.violations.get(1).toString())
        .contains("$.data[2].units")
        .contains("backupServerUid " + uid(2));
    assertThat(listener.violations).extracting(ContractViolation::requestId).doesNotContainNull();
    listener.violations.forEach(v -> CleanFailures.assertOneLine(v.toString()));
  }

  @Test
  void lenientLeavesOutANumberOutOfRangeAndReadsOn() {
    String huge = license(1).replace("\"units\":1.0", "\"units\":1e999,\"usedUnits\":3");
    List<BackupServerLicense> licenses = lenientStream(List.of(license(0), huge, license(2)));
    assertThat(licenses)
        .extracting(BackupServerLicense::backupServerUid)
        .containsExactly(uid(0), uid(1), uid(2));
    assertThat(licenses.get(1).units()).isNull();
    assertThat(licenses.get(1).usedUnits()).as("the property after it").isEqualTo(3.0);
    assertThat(listener.violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.jsonPath()).isEqualTo("$.data[1].units");
              assertThat(v.message()).isEqualTo("number out of range: \"1e999\"");
            });
  }

  @Test
  void lenientReportsAMissingPropertyWithItsPath() {
    assertThat(lenientStream(List.of(license(0), brokenLicense(""), license(2)))).hasSize(3);
    assertThat(listener.violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.jsonPath()).isEqualTo("$.data[1].autoUpdateEnabled");
              assertThat(v.identity()).isEqualTo("backupServerUid " + uid(1));
            });
  }

  @Test
  void lenientReportsAContradictingPagingInfoAndKeepsTheData() {
    assertThat(lenientPageViolation(contradictingPagingInfo(), 100, 0, 2).jsonPath())
        .isEqualTo("$.meta.pagingInfo.count");
  }

  /** A page of two licences whose {@code count} says five. */
  private static String contradictingPagingInfo() {
    return "{\"meta\":{\"pagingInfo\":{\"total\":2,\"count\":5,\"offset\":0}},\"data\":["
        + license(0)
        + ","
        + license(1)
        + "]}";
  }

  @Test
  void lenientStillRefusesMalformedJson() {
    server.enqueue(ok("{\"data\":[" + license(0) + ","));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).strict(false).build()) {
      CleanFailures.failure(VspcContractException.class, () -> client.page(100, 0));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unknownPropertiesAndEnumValuesAreKeptEvenWhenStrict() {
    String future =
        license(0)
            .replace("\"status\":\"Valid\"", "\"status\":\"Quarantined\",\"newThing\":{\"a\":[1]}");
    server.enqueue(ok(page(1, 0, List.of(future))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      BackupServerLicense license = client.page(100, 0).licenses().get(0);
      assertThat(license.status().isKnown()).isFalse();
      assertThat(license.status().value()).isEqualTo("Quarantined");
    }
  }

  /**
   * Streams {@code size} bytes of a JSON string without holding them, counting what was written.
   */
  private static final class LargeBody implements MockResponseBody {
    final long size;
    final AtomicLong written = new AtomicLong();
    final CountDownLatch stopped = new CountDownLatch(1); // the server gave up (or finished)

    LargeBody(long size) {
      this.size = size;
    }

    @Override
    public long getContentLength() {
      return size;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        String prefix = "{\"data\":[],\"padding\":\"";
        sink.writeUtf8(prefix);
        written.addAndGet(prefix.length());
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) 'a');
        long left = size - prefix.length() - 2;
        while (left > 0) {
          int n = (int) Math.min(chunk.length, left);
          sink.write(chunk, 0, n);
          sink.flush();
          written.addAndGet(n);
          left -= n;
        }
        sink.writeUtf8("\"}");
        written.addAndGet(2);
      } finally {
        stopped.countDown();
      }
    }
  }

  @Test
  void aBodyLargerThanTheLimitFailsWithoutBeingReadWhole() throws Exception {
    LargeBody body = new LargeBody(64L * 1024 * 1024);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .throttleBody(256 * 1024, 10, TimeUnit.MILLISECONDS)
            .build());
    VspcContractException e;
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).maxResponseBytes(64 * 1024).build()) {
      e = CleanFailures.failure(VspcContractException.class, () -> client.page(100, 0));
    }
    assertThat(e).hasMessageContaining("larger than the limit of 65536 bytes");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(body.stopped.await(10, TimeUnit.SECONDS))
        .as("the server stopped writing: the client hung up")
        .isTrue();
    assertThat(body.written.get()).as("bytes the server got to send").isLessThan(16L * 1024 * 1024);
  }

  @Test
  void aChunkedBodyLargerThanTheLimitFailsToo() {
    StringBuilder big = new StringBuilder("{\"data\":[");
    for (int i = 0; i < 400; i++) {
      big.append(i == 0 ? "" : ",").append(license(i));
    }
    big.append("]}");
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .chunkedBody(big.toString(), 1024)
            .build());
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).maxResponseBytes(4096).build()) {
      VspcContractException e =
          CleanFailures.failure(VspcContractException.class, () -> client.page(500, 0));
      assertThat(e).hasMessageContaining("4096 bytes");
    }
  }

  @Test
  void aBodyWithinTheLimitIsRead() {
    server.enqueue(ok(page(300, 0, licenses(0, 300))));
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).maxResponseBytes(1024 * 1024).build()) {
      assertThat(client.page(500, 0).licenses()).hasSize(300);
    }
  }
}

package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.PATH;
import static dev.licensewatch.vspc.client.Fixtures.TOKEN;
import static dev.licensewatch.vspc.client.Fixtures.json;
import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What goes over the wire: path, query, headers, base URL forms, token per request. */
class RequestsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private void enqueueThreePages() {
    server.enqueue(ok(page(1250, 0, licenses(0, 500))));
    server.enqueue(ok(page(1250, 500, licenses(500, 1000))));
    server.enqueue(ok(page(1250, 1000, licenses(1000, 1250))));
  }

  @Test
  void walksThreePagesOfTheLargestSizeWithExactlyTheseRequests() throws Exception {
    enqueueThreePages();
    List<UUID> ids;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build();
        Stream<BackupServerLicense> licenses = client.stream()) {
      ids = licenses.map(BackupServerLicense::backupServerUid).collect(Collectors.toList());
    }

    assertThat(ids)
        .containsExactlyElementsOf(
            Fixtures.range(0, 1250).stream().map(Fixtures::uid).collect(Collectors.toList()));
    List<RecordedRequest> requests = List.of(take(), take(), take());
    assertThat(server.getRequestCount()).isEqualTo(3);
    // A walk asks for the largest page the API serves unless told otherwise.
    assertThat(requests)
        .extracting(RecordedRequest::getTarget)
        .containsExactly(
            PATH + "?limit=500&offset=0",
            PATH + "?limit=500&offset=500",
            PATH + "?limit=500&offset=1000");
    for (RecordedRequest request : requests) {
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(request.getHeaders().get("X-Client-Version"))
          .isEqualTo(LicensingApi.API_VERSION)
          .isEqualTo("3.6.1");
      assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }
    List<String> requestIds = new ArrayList<>();
    for (RecordedRequest request : requests) {
      String id = request.getHeaders().get("X-Request-id");
      assertThat(UUID.fromString(id).toString()).isEqualTo(id);
      requestIds.add(id);
    }
    assertThat(requestIds).doesNotHaveDuplicates();
  }

  @Test
  void sendsACustomClientVersion() throws Exception {
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).clientVersion("3.5").build()) {
      client.page(10, 0);
    }
    assertThat(take().getHeaders().get("X-Client-Version")).isEqualTo("3.5");
  }

  @Test
  void keepsOneRequestIdAcrossTheRetriesOfOneRequest() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(503, "{}"));
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    LicensePage page;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      page = client.page(100, 0);
    }
    String first = take().getHeaders().get("X-Request-id");
    assertThat(take().getHeaders().get("X-Request-id")).isEqualTo(first);
    assertThat(take().getHeaders().get("X-Request-id")).isEqualTo(first);
    assertThat(page.requestId()).isEqualTo(first);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/api/v3", "/api/v3/"})
  void acceptsTheBaseUrlWithOrWithoutApiV3AndSlash(String suffix) throws Exception {
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper)
            .baseUrl("http://127.0.0.1:" + server.getPort() + suffix)
            .build()) {
      assertThat(client.page(100, 0).licenses()).hasSize(1);
    }
    assertThat(take().getTarget()).isEqualTo(PATH + "?limit=100&offset=0");
  }

  @Test
  void keepsAPathPrefixInFrontOfApiV3() throws Exception {
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper)
            .baseUrl("http://localhost:" + server.getPort() + "/vspc/api/v3/")
            .build()) {
      client.page(100, 0);
    }
    assertThat(take().getUrl().encodedPath()).isEqualTo("/vspc" + PATH);
  }

  @Test
  void callsTheTokenProviderForEveryRequestSoTokensCanRotate() throws Exception {
    enqueueThreePages();
    AtomicInteger calls = new AtomicInteger();
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper)
            .tokenProvider(() -> TOKEN + "-" + calls.incrementAndGet())
            .build()) {
      assertThat(client.stream().count()).isEqualTo(1250);
    }
    assertThat(calls).hasValue(3);
    assertThat(List.of(take(), take(), take()))
        .extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly(
            "Bearer " + TOKEN + "-1", "Bearer " + TOKEN + "-2", "Bearer " + TOKEN + "-3");
  }

  @Test
  void asksTheTokenProviderAgainWhenRetrying() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    AtomicInteger calls = new AtomicInteger();
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper)
            .tokenProvider(() -> "rotating-" + calls.incrementAndGet())
            .build()) {
      client.page(100, 0);
    }
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer rotating-1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer rotating-2");
  }

  @Test
  void pageWithoutArgumentsSendsNeitherLimitNorOffset() throws Exception {
    server.enqueue(ok(page(2, 0, licenses(0, 2))));
    LicensePage page;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      page = client.page();
    }
    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo(PATH);
    assertThat(request.getUrl().querySize()).isZero();
    assertThat(page.licenses())
        .extracting(BackupServerLicense::backupServerUid)
        .containsExactly(Fixtures.uid(0), Fixtures.uid(1));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.pagingInfo()).isNotNull();
    assertThat(page.requestId()).isEqualTo(request.getHeaders().get("X-Request-id"));
  }

  @Test
  void pageSendsTheGivenLimitAndOffset() throws Exception {
    server.enqueue(ok(page(300, 250, licenses(250, 300))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      LicensePage page = client.page(500, 250);
      assertThat(page.licenses()).hasSize(50);
      assertThat(page.total()).isEqualTo(300);
    }
    assertThat(take().getTarget()).isEqualTo(PATH + "?limit=500&offset=250");
  }

  @Test
  void aNullLimitOrOffsetIsLeftToTheServersDefault() throws Exception {
    server.enqueue(ok(page(300, 250, licenses(250, 300))));
    server.enqueue(ok(page(300, 0, licenses(0, 20))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      client.page(null, 250);
      client.page(20, null);
      assertThat(
              CleanFailures.failure(IllegalArgumentException.class, () -> client.page(501, null)))
          .hasMessageContaining("limit");
      assertThat(CleanFailures.failure(IllegalArgumentException.class, () -> client.page(null, -5)))
          .hasMessageContaining("offset");
    }
    assertThat(take().getTarget()).isEqualTo(PATH + "?offset=250");
    assertThat(take().getTarget()).isEqualTo(PATH + "?limit=20");
  }

  @Test
  void rejectsAnInvalidLimitOrOffsetBeforeSendingAnything() {
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      assertThat(CleanFailures.failure(IllegalArgumentException.class, () -> client.page(0, 0)))
          .hasMessageContaining("limit")
          .hasMessageContaining("0");
      assertThat(CleanFailures.failure(IllegalArgumentException.class, () -> client.page(501, 0)))
          .hasMessageContaining("limit")
          .hasMessageContaining("501");
      assertThat(CleanFailures.failure(IllegalArgumentException.class, () -> client.page(1, -1)))
          .hasMessageContaining("offset")
          .hasMessageContaining("-1");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectsAnInvalidPageSizeOrConcurrencyWhenBuilding() {
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class, () -> VspcLicensingClient.builder().pageSize(0)))
        .hasMessageContaining("pageSize");
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class, () -> VspcLicensingClient.builder().pageSize(501)))
        .hasMessageContaining("pageSize");
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class, () -> VspcLicensingClient.builder().concurrency(0)))
        .hasMessageContaining("concurrency");
  }

  @Test
  void requiresABaseUrlAndAToken() {
    assertThat(
            CleanFailures.failure(
                IllegalStateException.class,
                () -> VspcLicensingClient.builder().token(TOKEN).build()))
        .hasMessageContaining("baseUrl");
    assertThat(
            CleanFailures.failure(
                IllegalStateException.class,
                () ->
                    VspcLicensingClient.builder().baseUrl("https://vspc.example.com:1280").build()))
        .hasMessageContaining("token");
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class, () -> VspcLicensingClient.builder().token("   ")))
        .hasMessageContaining("blank");
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class,
                () ->
                    VspcLicensingClient.builder().baseUrl("vspc.example.com").token(TOKEN).build()))
        .hasMessageContaining("baseUrl");
  }

  @Test
  void usesThePageSizeAsLimit() throws Exception {
    server.enqueue(ok(page(30, 0, licenses(0, 25))));
    server.enqueue(ok(page(30, 25, licenses(25, 30))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).pageSize(25).build()) {
      assertThat(client.stream().count()).isEqualTo(30);
    }
    assertThat(take().getTarget()).isEqualTo(PATH + "?limit=25&offset=0");
    assertThat(take().getTarget()).isEqualTo(PATH + "?limit=25&offset=25");
  }
}

package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.errors;
import static dev.licensewatch.vspc.client.Fixtures.json;
import static dev.licensewatch.vspc.client.Fixtures.license;
import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static dev.licensewatch.vspc.client.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 202 answer: the server queued the request as an asynchronous action. The client polls the
 * action (waits recorded, never slept) and reads its result, or fails with a typed error.
 */
class AsyncActionTest {
  static final String ACTION = "0b3c1f6e-2d4a-4c5b-8e9f-7a6b5c4d3e2f";
  static final String ACTION_PATH = "/api/v3/asyncActions/" + ACTION;

  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  static MockResponse queued() {
    return new MockResponse.Builder().code(202).setHeader("Location", ACTION_PATH).build();
  }

  static MockResponse action(String status) {
    return ok(
        "{\"data\":{\"id\":\""
            + ACTION
            + "\",\"initiatorUid\":\"7d2e5a10-3b4c-4d6e-9f80-1a2b3c4d5e6f\","
            + "\"actionName\":\"GetBackupServersLicenses\",\"status\":\""
            + status
            + "\"}}");
  }

  private VspcLicensingClient client() {
    return Fixtures.client(server, sleeper).build();
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      all.add(server.takeRequest(1, TimeUnit.SECONDS));
    }
    return all;
  }

  @Test
  void pollsTheActionWithGrowingWaitsThenReadsItsResult() throws Exception {
    server.enqueue(queued());
    server.enqueue(action("Running"));
    server.enqueue(action("Running"));
    server.enqueue(action("Succeed"));
    server.enqueue(ok(page(2, 0, licenses(0, 2))));
    try (VspcLicensingClient client = client()) {
      LicensePage page = client.page(100, 0);
      assertThat(page.licenses())
          .extracting(BackupServerLicense::company)
          .containsExactly("Company 0", "Company 1");
      assertThat(page.total()).isEqualTo(2);
    }
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    List<RecordedRequest> requests = requests();
    assertThat(requests)
        .extracting(r -> r.getUrl().encodedPath())
        .containsExactly(
            Fixtures.PATH, ACTION_PATH, ACTION_PATH, ACTION_PATH, ACTION_PATH + "/result");
    assertThat(requests)
        .allSatisfy(
            r ->
                assertThat(r.getHeaders().get("Authorization"))
                    .isEqualTo("Bearer " + Fixtures.TOKEN));
    assertThat(requests.get(0).getHeaders().get("X-Request-id")).isNotNull();
    assertThat(requests.subList(1, 5))
        .as("polls are not the queued request: no X-Request-id")
        .allSatisfy(r -> assertThat(r.getHeaders().get("X-Request-id")).isNull());
  }

  @Test
  void aRetriedRequestKeepsItsRequestIdSoTheServerNamesTheSameAction() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(queued());
    server.enqueue(action("Succeed"));
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    try (VspcLicensingClient client = client()) {
      assertThat(client.page(100, 0).licenses()).hasSize(1);
    }
    List<RecordedRequest> requests = requests();
    assertThat(requests.get(0).getHeaders().get("X-Request-id"))
        .isNotNull()
        .isEqualTo(requests.get(1).getHeaders().get("X-Request-id"));
  }

  @Test
  void theResultIsReadWithTheQueryItAnswers() throws Exception {
    server.enqueue(queued());
    server.enqueue(action("succeed")); // older servers, lowercase
    server.enqueue(ok(page(1, 0, List.of(QueryRequestsTest.selected(7)))));
    try (VspcLicensingClient client = client();
        Stream<BackupServerLicense> stream = client.stream(QueryRequestsTest.EXPIRED)) {
      assertThat(stream.toList())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.company()).isEqualTo("Company 7");
                assertThat(l.autoUpdateEnabled()).as("not selected: not missing").isNull();
              });
    }
    assertThat(requests().get(0).getUrl().queryParameter("select"))
        .isEqualTo(QueryRequestsTest.EXPIRED.selectJson());
  }

  @Test
  void aFailedActionIsATypedErrorWithWhatItsResultSays() {
    server.enqueue(queued());
    server.enqueue(action("Failed"));
    server.enqueue(json(520, Fixtures.SERVER_ERROR_520));
    try (VspcLicensingClient client = client()) {
      VspcAsyncActionException e =
          CleanFailures.failure(VspcAsyncActionException.class, () -> client.page(100, 0));
      assertThat(e.actionId()).isEqualTo(ACTION);
      assertThat(e.actionStatus()).isEqualTo("Failed");
      assertThat(e.httpStatus()).isEqualTo(520);
      assertThat(e.errors())
          .singleElement()
          .satisfies(error -> assertThat(error.code()).isEqualTo(520));
      assertThat(e)
          .hasMessageContaining(
              "was queued as asynchronous action "
                  + ACTION
                  + ", which failed:"
                  + " Failed to retrieve the licenses of the managed servers.");
      assertThat(e.requestId()).isNotNull();
    }
  }

  @Test
  void aCanceledActionIsATypedError() {
    server.enqueue(queued());
    server.enqueue(action("Running"));
    server.enqueue(action("Canceled"));
    try (VspcLicensingClient client = client()) {
      VspcAsyncActionException e =
          CleanFailures.failure(VspcAsyncActionException.class, () -> client.page(100, 0));
      assertThat(e.actionStatus()).isEqualTo("Canceled");
      assertThat(e).hasMessageContaining("which was canceled");
    }
    assertThat(server.getRequestCount()).as("nothing read after the cancel").isEqualTo(3);
  }

  @Test
  void pollingStopsAtTheRequestsDeadline() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(i == 0 ? queued() : action("Running"));
    }
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).deadline(Duration.ofSeconds(5)).build()) {
      VspcAsyncActionException e =
          CleanFailures.failure(VspcAsyncActionException.class, () -> client.page(100, 0));
      assertThat(e.actionStatus()).isEqualTo("Running");
      assertThat(e).hasMessageContaining("still Running when the 5 s deadline came");
    }
    // 0.5 + 1 + 2 s of waits fit in 5 s; the next wait (4 s) would not.
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aPollThatFailsTransientlyIsJustPolledAgainAndRetryAfterIsHonoured() throws Exception {
    server.enqueue(queued());
    server.enqueue(json(503, "{}"));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
    server.enqueue(action("Queued")); // a stage this version does not know: not finished
    server.enqueue(action("Succeed"));
    server.enqueue(json(520, errors("busy", "unspecified", 520, "")));
    server.enqueue(action("Succeed"));
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    try (VspcLicensingClient client = client()) {
      assertThat(client.page(100, 0).licenses()).hasSize(1);
    }
    assertThat(sleeper.waits)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(7),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8));
    assertThat(requests())
        .extracting(r -> r.getUrl().encodedPath())
        .endsWith(ACTION_PATH + "/result");
  }

  @Test
  void aRefusedPollIsTheUsualTypedError() {
    server.enqueue(queued());
    server.enqueue(
        json(401, errors("Authorization has been denied for this request.", "security", 401, "")));
    try (VspcLicensingClient client = client()) {
      VspcAuthenticationException e =
          CleanFailures.failure(VspcAuthenticationException.class, () -> client.page(100, 0));
      assertThat(e).hasMessageContaining(ACTION_PATH).hasMessageContaining("(following GET ");
    }
  }

  /**
   * The action's result (after Succeed), or the action itself (while running), is gone: a typed
   * error with the status last polled, in the document's spelling.
   */
  @ParameterizedTest
  @CsvSource({"Succeed, Succeed, /result", "running, Running, ''"})
  void aResultOrActionNoLongerKeptIsATypedErrorWithTheStatusLastPolled(
      String polled, String lastStatus, String gone) throws Exception {
    server.enqueue(queued());
    server.enqueue(action(polled));
    server.enqueue(
        json(
            404, errors("Async action with the specified UID was not found.", "logical", 404, "")));
    try (VspcLicensingClient client = client()) {
      VspcAsyncActionException e =
          CleanFailures.failure(VspcAsyncActionException.class, () -> client.page(100, 0));
      assertThat(e.httpStatus()).isEqualTo(404);
      assertThat(e.actionId()).isEqualTo(ACTION);
      assertThat(e.actionStatus()).isEqualTo(lastStatus);
      assertThat(e).hasMessageContaining(ACTION_PATH + gone).hasMessageContaining("no longer kept");
    }
    assertThat(requests())
        .extracting(r -> r.getUrl().encodedPath())
        .endsWith(ACTION_PATH, ACTION_PATH + gone);
  }

  @Test
  void aQueuedResultThatBreaksTheDocumentNamesTheLicenceAsADirectAnswerDoes() {
    String broken = "{\"autoUpdateEnabled\":null,\"backupServerUid\":\"" + uid(1) + "\"}";
    server.enqueue(queued());
    server.enqueue(action("Succeed"));
    server.enqueue(ok(page(3, 0, List.of(license(0), broken, license(2)))));
    try (VspcLicensingClient client = client()) {
      VspcContractException e =
          CleanFailures.failure(VspcContractException.class, () -> client.page(100, 0));
      assertThat(e.jsonPath()).isEqualTo("$.data[1].autoUpdateEnabled");
      assertThat(e.identity()).isEqualTo("backupServerUid " + uid(1));
      assertThat(e)
          .hasMessageContaining(ACTION_PATH + "/result")
          .hasMessageContaining("(licence backupServerUid " + uid(1) + ")");
      assertThat(e.requestId()).isNotNull();
    }
  }

  @Test
  void anAbsoluteLocationOnAnotherHostOnlyGivesTheActionId() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(202)
            .setHeader("Location", "https://elsewhere.example:1280" + ACTION_PATH + "?x=1")
            .build());
    server.enqueue(action("Succeed"));
    server.enqueue(ok(page(1, 0, licenses(0, 1))));
    try (VspcLicensingClient client = client()) {
      assertThat(client.page(100, 0).licenses()).hasSize(1);
    }
    assertThat(requests()).extracting(r -> r.getUrl().host()).containsOnly("127.0.0.1");
  }

  @Test
  void aPageOfAWalkMayBeQueuedToo() {
    server.enqueue(ok(page(4, 0, licenses(0, 2))));
    server.enqueue(queued());
    server.enqueue(action("Succeed"));
    server.enqueue(ok(page(4, 2, licenses(2, 4))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).pageSize(2).build();
        Stream<BackupServerLicense> licenses = client.stream()) {
      assertThat(licenses.map(BackupServerLicense::company).toList())
          .containsExactly("Company 0", "Company 1", "Company 2", "Company 3");
    }
  }
}

package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Parallel prefetch: server order, each licence once, bounded look-ahead, early close. */
class PrefetchTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingListener listener = new RecordingListener();

  private VspcLicensingClient.Builder client(int concurrency) {
    // Pages of 100 keep the fixtures small; RequestsTest covers the default of 500.
    return Fixtures.client(server, sleeper)
        .eventListener(listener)
        .concurrency(concurrency)
        .pageSize(100);
  }

  private static List<UUID> uids(int from, int to) {
    return Fixtures.range(from, to).stream().map(Fixtures::uid).collect(Collectors.toList());
  }

  private static List<UUID> walk(VspcLicensingClient client) {
    try (Stream<BackupServerLicense> licenses = client.stream()) {
      return licenses.map(BackupServerLicense::backupServerUid).collect(Collectors.toList());
    }
  }

  @RepeatedTest(3)
  void deliversEveryLicenseOnceInServerOrderWhileResponsesArriveOutOfOrder() {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1000);
    dispatcher.maxDelayMillis = 25;
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client(4).build()) {
      assertThat(walk(client)).containsExactlyElementsOf(uids(0, 1000));
    }
    assertThat(dispatcher.offsets)
        .hasSize(10)
        .containsExactlyInAnyOrderElementsOf(
            List.of(0, 100, 200, 300, 400, 500, 600, 700, 800, 900));
    assertThat(dispatcher.maxInFlight.get())
        .as("pages requested at once")
        .isLessThanOrEqualTo(4)
        .isGreaterThan(1);
  }

  @Test
  void keepsConcurrencyRequestsOnTheWireAndTwiceThatManyPagesAheadOfTheConsumer() throws Exception {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1000);
    dispatcher.maxDelayMillis = 5;
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client(3).build();
        Stream<BackupServerLicense> licenses = client.stream()) {
      Iterator<BackupServerLicense> it = licenses.iterator();
      // Page 0 consumed, and the consumer stays there: each answer frees a place that the next
      // page takes at once, until six pages (twice the window) wait for the consumer, no more.
      it.next();
      takeRequests(7);
      assertThat(dispatcher.offsets).containsExactlyInAnyOrder(0, 100, 200, 300, 400, 500, 600);
      for (int i = 1; i < 101; i++) {
        it.next(); // into page 100: one more page (700) may be requested
      }
      takeRequests(1);
      assertThat(dispatcher.offsets)
          .containsExactlyInAnyOrder(0, 100, 200, 300, 400, 500, 600, 700);
    }
    assertThat(dispatcher.maxInFlight.get())
        .as("requests on the wire at once")
        .isLessThanOrEqualTo(3);
  }

  /** Takes {@code count} requests as they arrive, then fails on any other within 200 ms. */
  private void takeRequests(int count) throws InterruptedException {
    for (int i = 1; i <= count; i++) {
      assertThat(server.takeRequest(5, TimeUnit.SECONDS))
          .as("request %d of %d", i, count)
          .isNotNull();
    }
    assertThat(server.takeRequest(200, TimeUnit.MILLISECONDS))
        .as("a request beyond %d", count)
        .isNull();
  }

  /**
   * Takes the requests as they arrive until none has come for {@code quietMillis}, and counts them:
   * an extra request fails the test as soon as it comes, and no request is missed however slow the
   * machine is (each wait starts again when one arrives).
   */
  private int takeUntilQuiet(long quietMillis) throws InterruptedException {
    int taken = 0;
    while (server.takeRequest(quietMillis, TimeUnit.MILLISECONDS) != null) {
      taken++;
    }
    return taken;
  }

  @Test
  void walksACappingServerCompletelyWithPrefetch() {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(500);
    dispatcher.cap = 30;
    dispatcher.maxDelayMillis = 5;
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client(4).build()) {
      assertThat(walk(client)).containsExactlyElementsOf(uids(0, 500));
    }
  }

  @Test
  void aShortPageMidWalkRealignsThePagesRequestedAhead() {
    // The page at offset 100 has one licence less than asked, though the total stays 300: the
    // pages requested ahead at 200 and 300 no longer line up and must not be used as they are.
    CollectionDispatcher dispatcher = CollectionDispatcher.of(300);
    dispatcher.maxDelayMillis = 5;
    dispatcher.override =
        offset ->
            offset == 100
                ? Fixtures.ok(Fixtures.page(300, 100, Fixtures.licenses(100, 199)))
                : null;
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client(3).build()) {
      assertThat(walk(client)).containsExactlyElementsOf(uids(0, 300));
    }
    assertThat(dispatcher.offsets).contains(0, 100, 199);
  }

  @Test
  void driftWhilePrefetchingStillRepeatsNothing() {
    // After the first page, 10 licences at the start are deleted.
    CollectionDispatcher dispatcher = CollectionDispatcher.of(250);
    dispatcher.changeAfter = n -> n == 1 ? Fixtures.licenses(10, 250) : null;
    server.setDispatcher(dispatcher);
    List<UUID> walked;
    try (VspcLicensingClient client = client(4).build()) {
      walked = walk(client);
    }
    List<UUID> expected = uids(0, 100);
    expected.addAll(uids(110, 250));
    assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    assertThat(listener.drifts).containsExactly(new Drift(250, 240, 100, 10));
  }

  @Test
  void growthWhilePrefetchingRepeatsNothing() {
    // After the first page, 10 licences are inserted at the start.
    CollectionDispatcher dispatcher = CollectionDispatcher.of(250);
    dispatcher.changeAfter =
        n -> {
          if (n != 1) {
            return null;
          }
          List<String> grown = new ArrayList<>(Fixtures.licenses(1000, 1010));
          grown.addAll(Fixtures.licenses(0, 250));
          return grown;
        };
    server.setDispatcher(dispatcher);
    List<UUID> walked;
    try (VspcLicensingClient client = client(4).build()) {
      walked = walk(client);
    }
    assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(uids(0, 250));
    assertThat(listener.drifts).containsExactly(new Drift(250, 260, 100, 0));
  }

  @Test
  void aFailedPrefetchedPageFailsTheWalkWithItsTypedError() {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1000);
    dispatcher.override =
        offset ->
            offset == 300
                ? json(
                    403,
                    Fixtures.errors(
                        "Access to the requested resource is forbidden.", "security", 403, ""))
                : null;
    server.setDispatcher(dispatcher);
    List<UUID> seen = new ArrayList<>();
    try (VspcLicensingClient client = client(4).build()) {
      VspcPermissionException e =
          CleanFailures.failure(
              VspcPermissionException.class,
              () -> client.stream().forEach(l -> seen.add(l.backupServerUid())));
      assertThat(e.httpStatus()).isEqualTo(403);
    }
    assertThat(seen).containsExactlyElementsOf(uids(0, 300));
  }

  @Test
  void closingTheStreamEarlyStopsRequestingPages() throws Exception {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1000);
    dispatcher.maxDelayMillis = 5;
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client(2).build()) {
      try (Stream<BackupServerLicense> licenses = client.stream()) {
        assertThat(licenses.limit(150).count()).isEqualTo(150);
      }
      int atClose = takeUntilQuiet(300);
      assertThat(atClose).as("page 0, 100 and at most 4 ahead").isLessThanOrEqualTo(6);
      assertThat(dispatcher.offsets).hasSize(atClose);
    }
  }

  @Test
  void closingTheStreamEarlyStopsTheRetriesOfPagesRequestedAhead() throws Exception {
    // Pages after the first answer 503 slowly: each would be retried 3 times if nothing stopped it.
    CollectionDispatcher dispatcher = CollectionDispatcher.of(1000);
    dispatcher.afterTheFirstPage(
        offset ->
            new MockResponse.Builder()
                .code(503)
                .body("busy")
                .headersDelay(500, TimeUnit.MILLISECONDS)
                .build());
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client(3).build()) {
      try (Stream<BackupServerLicense> licenses = client.stream()) {
        assertThat(licenses.findFirst()).isPresent();
      }
      takeUntilQuiet(1000); // longer than a 503 takes: a retry would come within it
      // Page 0 and at most the 6 pages planned ahead (3 on the wire, the others cancelled while
      // they wait for a place), none of them retried.
      assertThat(dispatcher.offsets)
          .as("requested pages")
          .contains(0)
          .doesNotHaveDuplicates()
          .isSubsetOf(0, 100, 200, 300, 400, 500, 600);
    }
    assertThat(sleeper.waits).isEmpty();
  }

  /** Stands for an OutOfMemoryError or the like in a prefetch thread. */
  private static final class Fatal extends Error {
    private static final long serialVersionUID = 1L;

    Fatal() {
      super("fatal error in a prefetch thread");
    }
  }

  @Test
  void anErrorInAPrefetchThreadReachesTheCallerAsIs() {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(300);
    dispatcher.afterTheFirstPage(offset -> json(503, "{}"));
    server.setDispatcher(dispatcher);
    VspcEventListener failing =
        new VspcEventListener() {
          @Override
          public void retrying(
              String requestId, int attempt, java.time.Duration wait, String reason) {
            throw new Fatal(); // called in the prefetch thread that is about to retry
          }
        };
    try (VspcLicensingClient client = client(2).eventListener(failing).build()) {
      CleanFailures.failure(Fatal.class, () -> walk(client));
    }
  }
}

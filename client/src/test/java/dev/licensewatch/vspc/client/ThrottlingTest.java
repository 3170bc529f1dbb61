package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.errors;
import static dev.licensewatch.vspc.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Parallel walks against a server that limits simultaneous requests, as VSPC does (429 without
 * {@code retryAfter}): the walk narrows its window instead of failing, and delivers everything.
 * Waits are recorded, never slept, and never count towards the deadline here.
 */
class ThrottlingTest {
  static final int LICENSES = 400;
  static final int PAGE = 10;

  @StartStop final MockWebServer server = new MockWebServer();
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final List<int[]> changes = new CopyOnWriteArrayList<>();
  final List<String> retried = new CopyOnWriteArrayList<>();

  /** The collection, answering 429 to a request beyond {@code limit} at once. */
  private CollectionDispatcher limitedTo(int limit, MockResponse throttled) {
    AtomicInteger inFlight = new AtomicInteger();
    CollectionDispatcher dispatcher = CollectionDispatcher.of(LICENSES);
    dispatcher.maxDelayMillis = 10;
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(mockwebserver3.RecordedRequest request)
              throws InterruptedException {
            if (inFlight.incrementAndGet() > limit) {
              inFlight.decrementAndGet();
              return throttled;
            }
            try {
              // Served requests take a while, as a real server's do, so a window wider than
              // the limit overlaps at the server even when a loaded machine sends slowly.
              Thread.sleep(20);
              return dispatcher.dispatch(request);
            } finally {
              inFlight.decrementAndGet();
            }
          }
        });
    return dispatcher;
  }

  private VspcLicensingClient.Builder client(int concurrency) {
    return VspcLicensingClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .token(Fixtures.TOKEN)
        .pageSize(PAGE)
        .concurrency(concurrency)
        .maxAttempts(1) // 429s must not need attempts
        .sleeper(waits::add)
        .eventListener(
            new VspcEventListener() {
              @Override
              public void concurrencyChanged(int from, int to) {
                changes.add(new int[] {from, to});
              }

              @Override
              public void retrying(String requestId, int attempt, Duration wait, String reason) {
                retried.add(reason);
              }
            });
  }

  private static List<UUID> walk(VspcLicensingClient client) {
    try (Stream<BackupServerLicense> licenses = client.stream()) {
      return licenses.map(BackupServerLicense::backupServerUid).collect(Collectors.toList());
    }
  }

  private static List<UUID> everyLicense() {
    return Fixtures.range(0, LICENSES).stream().map(Fixtures::uid).collect(Collectors.toList());
  }

  @Test
  void concurrency16AgainstALimitOf2NarrowsTheWindowAndDeliversEveryLicenseOnce() {
    limitedTo(2, json(429, errors("Too many requests.", "transport", 429, "")));
    try (VspcLicensingClient client = client(16).build()) {
      assertThat(walk(client)).containsExactlyElementsOf(everyLicense());
    }
    assertThat(changes).isNotEmpty();
    assertThat(changes.get(0)).containsExactly(16, 8);
    for (int[] change : changes) {
      assertThat(change[1])
          .as("halved, never below 1, or widened by one")
          .isIn(Math.max(1, change[0] / 2), change[0] + 1);
    }
    assertThat(changes.stream().mapToInt(c -> c[1]).min().getAsInt()).isLessThanOrEqualTo(2);
    assertThat(retried).isNotEmpty().containsOnly("HTTP 429");
    // A 429 that narrowed the window is resent as soon as the narrower window lets it: no sleep.
    assertThat(waits).hasSizeLessThan(retried.size());
    System.out.println(
        "[throttling] concurrency 16, 2 simultaneous allowed, "
            + LICENSES / PAGE
            + " pages: "
            + retried.size()
            + " 429s ("
            + waits.size()
            + " backed off at a window of 1)"
            + ", window changes "
            + changes.stream().map(c -> c[0] + "->" + c[1]).collect(Collectors.joining(" ")));
  }

  @Test
  void aPerPeriodLimitWithRetryAfterIsWaitedOutAsTold() {
    limitedTo(3, json(429, errors("Too many requests.", "transport", 429, "\"retryAfter\":3")));
    try (VspcLicensingClient client = client(8).build()) {
      assertThat(walk(client)).containsExactlyElementsOf(everyLicense());
    }
    assertThat(waits)
        .isNotEmpty()
        .allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(3)));
    assertThat(changes.get(0)).containsExactly(8, 4);
  }

  @Test
  void withoutAdaptationTheWindowStaysButThrottlingStillCostsNoAttempts() {
    limitedTo(4, json(429, errors("Too many requests.", "transport", 429, "\"retryAfter\":1")));
    try (VspcLicensingClient client = client(6).adaptiveConcurrency(false).build()) {
      assertThat(walk(client)).containsExactlyElementsOf(everyLicense());
    }
    assertThat(changes).isEmpty();
  }
}

package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.license;
import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static dev.licensewatch.vspc.client.Fixtures.pageWithoutMeta;
import static dev.licensewatch.vspc.client.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Auto-paging: where a walk stops, what it does when the collection changes under it. */
class PagingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingListener listener = new RecordingListener();

  private VspcLicensingClient.Builder client() {
    // Pages of 100 keep the fixtures small; RequestsTest covers the default of 500.
    return Fixtures.client(server, sleeper).eventListener(listener).pageSize(100);
  }

  private static List<UUID> uids(int from, int to) {
    return Fixtures.range(from, to).stream().map(Fixtures::uid).collect(Collectors.toList());
  }

  private static List<UUID> walk(VspcLicensingClient client) {
    try (Stream<BackupServerLicense> licenses = client.stream()) {
      return licenses.map(BackupServerLicense::backupServerUid).collect(Collectors.toList());
    }
  }

  /** One whole walk by a client of its own: the ids in the order delivered. */
  private static List<UUID> walk(VspcLicensingClient.Builder builder) {
    try (VspcLicensingClient client = builder.build()) {
      return walk(client);
    }
  }

  /** A licence without id: all of them are identical. */
  private static final String ANONYMOUS = "{\"autoUpdateEnabled\":true}";

  @Test
  void stopsWhenTheOffsetReachesTheTotal() {
    server.enqueue(ok(page(200, 0, licenses(0, 100))));
    server.enqueue(ok(page(200, 100, licenses(100, 200))));
    try (VspcLicensingClient client = client().build()) {
      assertThat(walk(client)).containsExactlyElementsOf(uids(0, 200));
    }
    assertThat(server.getRequestCount())
        .as("no request for an empty page after the total")
        .isEqualTo(2);
    assertThat(listener.pages)
        .containsExactly(
            new RecordingListener.Page(0, 100, 200), new RecordingListener.Page(100, 100, 200));
  }

  @Test
  void anEmptyCollectionIsOneRequest() {
    server.enqueue(ok(page(0, 0, List.of())));
    try (VspcLicensingClient client = client().build()) {
      assertThat(walk(client)).isEmpty();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutMetaStopsOnAShortPage() {
    server.enqueue(ok(pageWithoutMeta(licenses(0, 100))));
    server.enqueue(ok(pageWithoutMeta(licenses(100, 130))));
    try (VspcLicensingClient client = client().build()) {
      assertThat(walk(client)).containsExactlyElementsOf(uids(0, 130));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(listener.pages).extracting(RecordingListener.Page::total).containsOnly(-1);
  }

  @Test
  void withoutMetaStopsOnAnEmptyPage() {
    server.enqueue(ok(pageWithoutMeta(licenses(0, 100))));
    server.enqueue(ok(pageWithoutMeta(licenses(100, 200))));
    server.enqueue(ok(pageWithoutMeta(List.of())));
    try (VspcLicensingClient client = client().build()) {
      assertThat(walk(client)).containsExactlyElementsOf(uids(0, 200));
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aPageWithoutProgressEndsTheWalkInsteadOfLooping() {
    server.enqueue(ok(page(250, 0, licenses(0, 100))));
    server.enqueue(ok(page(250, 100, List.of())));
    server.enqueue(ok(page(250, 100, List.of()))); // would be asked for again if it looped
    List<UUID> seen = new ArrayList<>();
    try (VspcLicensingClient client = client().build()) {
      VspcPagingException e =
          CleanFailures.failure(
              VspcPagingException.class,
              () -> client.stream().forEach(l -> seen.add(l.backupServerUid())));
      assertThat(e).hasMessageContaining("250").hasMessageContaining("offset 100");
      assertThat(e.drift()).isNull();
      assertThat(e.requestId()).isNotNull();
    }
    assertThat(seen).containsExactlyElementsOf(uids(0, 100));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  @org.junit.jupiter.api.Timeout(20) // the failure this guards against is a walk without end
  void withoutMetaTheSameFullPageOfLicensesWithoutIdEndsTheWalkInsteadOfLooping() {
    // No id to recognise a repeat by: the page coming again whole is the sign.
    CollectionDispatcher dispatcher = CollectionDispatcher.of(100);
    dispatcher.meta = false;
    dispatcher.override = offset -> ok(pageWithoutMeta(Collections.nCopies(10, ANONYMOUS)));
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client().pageSize(10).build()) {
      VspcPagingException e = CleanFailures.failure(VspcPagingException.class, () -> walk(client));
      assertThat(e).hasMessageContaining("offset 10");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void withoutMetaAServerThatIgnoresTheOffsetEndsTheWalkInsteadOfLooping() {
    // Every page is the same full page: the walk must not go on forever.
    CollectionDispatcher dispatcher = CollectionDispatcher.of(100);
    dispatcher.meta = false;
    dispatcher.override = offset -> ok(pageWithoutMeta(licenses(0, 100)));
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client().build()) {
      VspcPagingException e = CleanFailures.failure(VspcPagingException.class, () -> walk(client));
      assertThat(e).hasMessageContaining("offset 100");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void whenTheTotalShrinksNothingIsRepeatedAndTheDriftIsReported() {
    // 10 licences at the start are deleted after the first page: 100..109 slide into page 1.
    server.enqueue(ok(page(250, 0, licenses(0, 100))));
    server.enqueue(ok(page(240, 100, licenses(110, 210))));
    server.enqueue(ok(page(240, 200, licenses(210, 250))));
    List<UUID> walked = walk(client());
    List<UUID> expected = uids(0, 100);
    expected.addAll(uids(110, 250));
    assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    assertThat(listener.drifts).containsExactly(new Drift(250, 240, 100, 10));
    assertThat(listener.drifts.get(0).toString())
        .contains("250")
        .contains("240")
        .contains("offset 100")
        .contains("10 licences may be missing");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void whenTheTotalGrowsRepeatedLicensesAreDroppedAndTheDriftIsReported() {
    // 10 licences are inserted at the start after the first page: 90..99 come again in page 1.
    server.enqueue(ok(page(250, 0, licenses(0, 100))));
    server.enqueue(ok(page(260, 100, licenses(90, 190))));
    server.enqueue(ok(page(260, 200, licenses(190, 250))));
    List<UUID> walked = walk(client());
    assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(uids(0, 250));
    assertThat(listener.drifts).containsExactly(new Drift(250, 260, 100, 0));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void licensesWithoutIdRepeatedByAnInsertionAreDroppedButIdenticalOnesFurtherOnAreKept() {
    // Licences 90, 91, 95, 98, 99 and 150 have no id and are identical. 10 licences are inserted
    // at the start after the first page, so 90..99 come again at the start of page 1: the ones
    // without id there are repeats because they sit where they sat before, next to repeats with
    // an id (before them, after them, or both). 150 is a licence of its own and must stay.
    List<String> all = withoutId(0, 250, 90, 91, 95, 98, 99, 150);
    server.enqueue(ok(page(250, 0, all.subList(0, 100))));
    server.enqueue(ok(page(260, 100, all.subList(90, 190))));
    server.enqueue(ok(page(260, 200, all.subList(190, 250))));
    List<UUID> walked = walk(client());
    assertThat(walked).containsExactlyElementsOf(idsWithout(0, 250, 90, 91, 95, 98, 99, 150));
    assertThat(listener.drifts).containsExactly(new Drift(250, 260, 100, 0));
  }

  @Test
  void aRunOfRepeatsGoesOnIntoTheNextPageThroughLicensesWithoutId() {
    // Licences 3, 4 and 5 have no id and are identical. After the first page (0..4), 7 licences
    // (100..106) are inserted at the start: page 1 is 105, 106, 0, 1, 2 and page 2 is 3..7. The
    // repeats that end page 1 go on into page 2 through 3 and 4; 5 was never delivered: it stays.
    server.enqueue(ok(page(12, 0, withoutId(0, 5, 3, 4, 5))));
    server.enqueue(
        ok(page(19, 5, List.of(license(105), license(106), license(0), license(1), license(2)))));
    server.enqueue(ok(page(19, 10, withoutId(3, 8, 3, 4, 5))));
    server.enqueue(ok(page(19, 15, licenses(8, 12))));
    List<UUID> walked = walk(client().pageSize(5));
    assertThat(walked)
        .containsExactly(
            uid(0), uid(1), uid(2), null, null, uid(105), uid(106), null, uid(6), uid(7), uid(8),
            uid(9), uid(10), uid(11));
  }

  @Test
  void aLicenseWithoutIdAfterAWholePageOfRepeatsIsNew() {
    // Licences 3, 4 and 5 have no id and are identical. After the first page (0..4), 5 licences
    // are inserted at the start, so page 1 repeats all of 0..4. Page 2 starts with 5: equal to
    // the repeats just before it, but never delivered, so it is kept.
    server.enqueue(ok(page(12, 0, withoutId(0, 5, 3, 4, 5))));
    server.enqueue(ok(page(17, 5, withoutId(0, 5, 3, 4, 5))));
    server.enqueue(ok(page(17, 10, withoutId(5, 10, 3, 4, 5))));
    server.enqueue(ok(page(17, 15, licenses(10, 12))));
    List<UUID> walked = walk(client().pageSize(5));
    assertThat(walked).containsExactlyElementsOf(idsWithout(0, 12, 3, 4, 5));
  }

  /** Licences {@code from} to {@code to} (exclusive), the given ones {@link #ANONYMOUS}. */
  private static List<String> withoutId(int from, int to, Integer... anonymous) {
    List<Integer> without = List.of(anonymous);
    return Fixtures.range(from, to).stream()
        .map(n -> without.contains(n) ? ANONYMOUS : license(n))
        .collect(Collectors.toList());
  }

  /** The ids {@link #withoutId} licences have: null for the anonymous ones. */
  private static List<@Nullable UUID> idsWithout(int from, int to, Integer... anonymous) {
    List<Integer> without = List.of(anonymous);
    List<@Nullable UUID> ids = new ArrayList<>();
    for (int n = from; n < to; n++) {
      ids.add(without.contains(n) ? null : uid(n));
    }
    return ids;
  }

  @Test
  void licensesWithoutIdentityAreNeverDropped() {
    server.enqueue(ok(page(3, 0, List.of(ANONYMOUS, ANONYMOUS, ANONYMOUS))));
    try (VspcLicensingClient client = client().build()) {
      assertThat(client.stream().count()).isEqualTo(3);
    }
  }

  @Test
  void failOnDriftTurnsAChangeIntoAPagingException() {
    server.enqueue(ok(page(250, 0, licenses(0, 100))));
    server.enqueue(ok(page(240, 100, licenses(110, 210))));
    try (VspcLicensingClient client = client().failOnDrift(true).build()) {
      VspcPagingException e = CleanFailures.failure(VspcPagingException.class, () -> walk(client));
      assertThat(e.drift()).isEqualTo(new Drift(250, 240, 100, 10));
      assertThat(e).hasMessageContaining("250").hasMessageContaining("240");
      assertThat(e.requestId()).isNotNull();
    }
    assertThat(listener.drifts).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void walksAServerThatServesFewerLicensesThanAskedCompletely() {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(250);
    dispatcher.cap = 40;
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client().build()) {
      assertThat(walk(client)).containsExactlyElementsOf(uids(0, 250));
    }
    assertThat(dispatcher.offsets).containsExactly(0, 40, 80, 120, 160, 200, 240);
  }

  @Test
  void theStreamIsLazy() {
    server.enqueue(ok(page(250, 0, licenses(0, 100))));
    server.enqueue(ok(page(250, 100, licenses(100, 200))));
    server.enqueue(ok(page(250, 200, licenses(200, 250))));
    try (VspcLicensingClient client = client().build();
        Stream<BackupServerLicense> licenses = client.stream()) {
      List<UUID> first =
          licenses.limit(5).map(BackupServerLicense::backupServerUid).collect(Collectors.toList());
      assertThat(first).containsExactlyElementsOf(uids(0, 5));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void noRequestIsSentBeforeTheStreamIsConsumed() {
    try (VspcLicensingClient client = client().build()) {
      client.stream().close();
      client.licenses().iterator();
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void everyIteratorOfLicensesStartsANewWalk() {
    CollectionDispatcher dispatcher = CollectionDispatcher.of(250);
    server.setDispatcher(dispatcher);
    try (VspcLicensingClient client = client().build()) {
      Iterable<BackupServerLicense> all = client.licenses();
      List<UUID> first = new ArrayList<>();
      for (BackupServerLicense license : all) {
        first.add(license.backupServerUid());
      }
      Iterator<BackupServerLicense> second = all.iterator();
      assertThat(second.next().backupServerUid()).isEqualTo(uid(0));
      assertThat(first).containsExactlyElementsOf(uids(0, 250));
    }
    assertThat(dispatcher.offsets).containsExactly(0, 100, 200, 0);
  }

  @Test
  void theLicensesAreTheServersValues() {
    server.enqueue(ok(page(1, 0, List.of(license(7)))));
    try (VspcLicensingClient client = client().build()) {
      BackupServerLicense only = client.stream().findFirst().orElseThrow();
      assertThat(only.backupServerUid()).isEqualTo(uid(7));
      assertThat(only.company()).isEqualTo("Company 7");
      assertThat(only.autoUpdateEnabled()).isFalse();
      assertThat(only.units()).isEqualTo(7.0);
      assertThat(only.status().isKnown()).isTrue();
      assertThat(only.status().value()).isEqualTo("Valid");
    }
  }
}

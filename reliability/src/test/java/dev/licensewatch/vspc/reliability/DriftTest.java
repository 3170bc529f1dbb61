package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensewatch.vspc.client.Drift;
import dev.licensewatch.vspc.client.VspcEventListener;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.client.VspcPagingException;
import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.DriftPlan;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Licences added or removed at the front of the collection mid-walk: no duplicates, the drift
 * reported, and nothing missing beyond what the drift says may be missing.
 */
@Order(2)
class DriftTest {
  static final int LICENCES = 40;
  static VspcEmulator vspc;
  static final AtomicInteger walks = new AtomicInteger();
  static final AtomicInteger driftsReported = new AtomicInteger();
  static final AtomicInteger duplicates = new AtomicInteger();
  static final AtomicInteger missingUnreported = new AtomicInteger();
  static final AtomicInteger uidlessWalks = new AtomicInteger();
  static final AtomicInteger uidlessRepeats = new AtomicInteger();

  @BeforeAll
  static void start() {
    vspc = VspcEmulator.builder().licenses(LICENCES).seed(5).token(Secrets.TOKEN).start();
  }

  @AfterAll
  static void stop() {
    vspc.close();
    Figures.record(
        "drift",
        "licences added/removed mid-walk (seq+parallel, page sizes 3..10)",
        walks.get(),
        "drift reported "
            + driftsReported.get()
            + "/"
            + walks.get()
            + ", duplicates (by uid) "
            + duplicates.get()
            + ", missing beyond possiblySkipped "
            + missingUnreported.get(),
        duplicates.get() == 0
            && missingUnreported.get() == 0
            && driftsReported.get() == walks.get());
    Figures.record(
        "drift",
        "insertions mid-walk over licences without backupServerUid",
        uidlessWalks.get(),
        "licences delivered more often than the server holds them " + uidlessRepeats.get(),
        uidlessRepeats.get() == 0);
  }

  static Stream<Arguments> driftCases() {
    return repeatingParallelOnes(
        4,
        new Object[][] {
          {"+", 7, 2, 5, 1},
          {"+", 7, 2, 5, 3},
          {"+", 13, 1, 3, 1},
          {"+", 13, 3, 3, 4},
          {"+", 13, 3, 3, 1},
          {"+", 25, 2, 10, 2},
          {"+", 1, 4, 4, 1},
          {"-", 7, 2, 5, 1},
          {"-", 7, 2, 5, 3},
          {"-", 3, 1, 3, 1},
          {"-", 12, 3, 4, 4},
          {"-", 20, 1, 10, 2},
          {"-", 1, 5, 4, 1}
        });
  }

  /**
   * The cases, those whose last value (the concurrency) is above 1 {@code times} over: parallel
   * walks race the change, and repeats meet more of the interleavings.
   */
  static Stream<Arguments> repeatingParallelOnes(int times, Object[][] cases) {
    List<Arguments> all = new ArrayList<>();
    for (Object[] c : cases) {
      for (int r = 0; r < ((Integer) c[c.length - 1] > 1 ? times : 1); r++) {
        all.add(Arguments.of(c));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}{1}@{2}, page {3}, concurrency {4}")
  @MethodSource("driftCases")
  void driftIsReportedAndNeverDuplicates(
      String sign, int count, int afterRequest, int pageSize, int concurrency) throws Exception {
    vspc.setFaults("none");
    vspc.setDrift(DriftPlan.none()); // reset() would re-arm the last one
    vspc.reset(Dataset.synthetic(LICENCES, 5));
    List<String> original = Support.datasetOrder(vspc);
    DriftPlan drift =
        sign.equals("+")
            ? DriftPlan.add(afterRequest, count)
            : DriftPlan.remove(afterRequest, count);
    vspc.setDrift(drift);
    List<Drift> drifts = new CopyOnWriteArrayList<>();
    List<String> got = new ArrayList<>();
    try (VspcLicensingClient client =
        Support.client(vspc.baseUrl())
            .pageSize(pageSize)
            .concurrency(concurrency)
            .eventListener(
                new VspcEventListener() {
                  @Override
                  public void drift(Drift d) {
                    drifts.add(d);
                  }
                })
            .build()) {
      client.stream().forEach(l -> got.add(String.valueOf(l.backupServerUid())));
    }
    walks.incrementAndGet();
    Set<String> seen = new HashSet<>();
    // Licences without backupServerUid (about 2% of the synthetic data) cannot be told apart by
    // id; their repeats are counted by licensesWithoutUidAreNotRepeatedByInsertions.
    List<String> dups =
        got.stream()
            .filter(u -> !u.equals("null"))
            .filter(u -> !seen.add(u))
            .collect(Collectors.toList());
    duplicates.addAndGet(dups.size());
    if (!drifts.isEmpty()) {
      driftsReported.incrementAndGet();
    }
    List<String> where = new ArrayList<>();
    for (String d : dups) {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < got.size(); i++) {
        if (got.get(i).equals(d)) {
          at.add(i);
        }
      }
      where.add(
          d.substring(0, 8)
              + " at walk positions "
              + at
              + ", dataset index "
              + original.indexOf(d));
    }
    assertThat(where)
        .as("duplicates (drifts " + drifts + ", delivered " + got.size() + ")")
        .isEmpty();
    assertThat(drifts).as("drift reported").isNotEmpty();
    List<String> missing =
        original.stream().filter(u -> !u.equals("null")).filter(u -> !seen.contains(u)).toList();
    int reported = drifts.stream().mapToInt(Drift::possiblySkipped).sum();
    if (sign.equals("+") && concurrency == 1) {
      // Sequential: insertions at the front only push licences back, so every original arrives.
      if (!missing.isEmpty()) {
        missingUnreported.addAndGet(missing.size());
      }
      assertThat(missing).as("original licences missing after an insertion").isEmpty();
      assertThat(drifts.get(0).newTotal()).isEqualTo(LICENCES + count);
    } else {
      // Removed ones are gone (at most count of the originals); beyond those, at most what the
      // drift reports said may be missing. (Parallel pages may straddle the change either way.)
      long skipped =
          sign.equals("+") ? missing.size() : missing.size() - Math.min(missing.size(), count);
      if (skipped > reported) {
        missingUnreported.addAndGet((int) (skipped - reported));
      }
      assertThat(skipped)
          .as("licences skipped beyond the reported possiblySkipped (drifts " + drifts + ")")
          .isLessThanOrEqualTo(reported);
      if (sign.equals("-")) {
        assertThat(reported).as("possiblySkipped after a removal").isGreaterThan(0);
      }
    }
    Secrets.check("drift toString", drifts.toString());
  }

  static Stream<Arguments> uidlessCases() {
    // CI once met a repeat in 1 run of many: the parallel ones run 8 times.
    return repeatingParallelOnes(
        8, new Object[][] {{7, 2, 5, 1}, {13, 1, 3, 1}, {7, 2, 5, 3}, {20, 1, 4, 4}, {9, 3, 6, 2}});
  }

  /**
   * The Drift contract says no licence is delivered twice, and that includes licences without
   * {@code backupServerUid} (the document allows it; dataset seed 5 has two, identical, at 18 and
   * 24), which the walk can only recognise by where they come again.
   */
  @ParameterizedTest(name = "+{0}@{1}, page {2}, concurrency {3}")
  @MethodSource("uidlessCases")
  void licensesWithoutUidAreNotRepeatedByInsertions(
      int count, int afterRequest, int pageSize, int concurrency) throws Exception {
    vspc.setFaults("none");
    vspc.setDrift(DriftPlan.none()); // reset() would re-arm the last one
    vspc.reset(Dataset.synthetic(LICENCES, 5));
    List<String> before = new ArrayList<>();
    try (VspcLicensingClient client = Support.client(vspc.baseUrl()).pageSize(500).build()) {
      client.stream().forEach(l -> before.add(l.toString()));
    }
    vspc.setDrift(DriftPlan.add(afterRequest, count));
    List<String> got = new ArrayList<>();
    try (VspcLicensingClient client =
        Support.client(vspc.baseUrl()).pageSize(pageSize).concurrency(concurrency).build()) {
      client.stream().forEach(l -> got.add(l.toString()));
    }
    List<String> after = new ArrayList<>();
    try (VspcLicensingClient client = Support.client(vspc.baseUrl()).pageSize(500).build()) {
      client.stream().forEach(l -> after.add(l.toString()));
    }
    java.util.Map<String, Long> gotCounts =
        got.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
    java.util.Map<String, Long> afterCounts =
        after.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
    List<String> repeated = new ArrayList<>();
    gotCounts.forEach(
        (license, n) -> {
          if (n > afterCounts.getOrDefault(license, 0L)) {
            repeated.add(n + "x " + license);
          }
        });
    uidlessWalks.incrementAndGet();
    uidlessRepeats.addAndGet(repeated.size());
    assertThat(repeated).as("licences delivered more often than the server holds them").isEmpty();
  }

  @ParameterizedTest(name = "failOnDrift, concurrency {0}")
  @CsvSource({"1", "3"})
  void failOnDriftEndsTheWalkWithPagingException(int concurrency) throws Exception {
    vspc.setFaults("none");
    vspc.setDrift(DriftPlan.none()); // reset() would re-arm the last one
    vspc.reset(Dataset.synthetic(LICENCES, 5));
    vspc.setDrift(DriftPlan.add(1, 3));
    try (VspcLicensingClient client =
        Support.client(vspc.baseUrl())
            .pageSize(5)
            .concurrency(concurrency)
            .failOnDrift(true)
            .build()) {
      assertThatThrownBy(() -> client.stream().count())
          .isInstanceOfSatisfying(
              VspcPagingException.class,
              e -> {
                assertThat(e.drift()).isNotNull();
                Secrets.check("paging exception", e);
              });
    }
  }
}

package dev.licensewatch.vspc.benchmarks;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Latency-bound paging: sequential and with pages prefetched, against ceil(pages / c) x latency.
 */
final class LatencyBench {
  private LatencyBench() {}

  static void run(Settings s, Report report) throws Exception {
    int pages = Settings.pages(s.latencyLicences(), s.latencyPageSize());
    report.heading("3. Latency-bound");
    report.line(
        ("%s, emulator latency %d ms per request; %d warm-up + %d measured walks each. Ideal ="
                + " ceil(pages / concurrency) x latency. Our client needs the first page (for the"
                + " total) before it prefetches, so its best case is 1 + ceil((pages - 1) / c)"
                + " round trips.")
            .formatted(
                Report.paging(s.latencyLicences(), s.latencyPageSize(), pages, "requests"),
                s.latencyMillis(),
                s.latencyWarmups(),
                s.latencyIterations()));
    try (VspcEmulator emulator =
        VspcEmulator.builder()
            .licenses(s.latencyLicences())
            .seed(s.seed())
            .latency(Duration.ofMillis(s.latencyMillis()))
            .start()) {
      List<List<Object>> rows = new ArrayList<>();
      for (int c : s.concurrencies()) {
        double[] ms = new double[s.latencyIterations()];
        try (Contenders.Fetcher ours =
            Contenders.ours(
                emulator.baseUrl(), VspcEmulator.DEFAULT_TOKEN, s.latencyPageSize(), c)) {
          for (int i = -s.latencyWarmups(); i < s.latencyIterations(); i++) {
            long start = System.nanoTime();
            Contenders.Walk walk = ours.fetchAll();
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (walk.count() != s.latencyLicences()) {
              throw new IllegalStateException("saw " + walk.count() + " licences");
            }
            if (i >= 0) {
              ms[i] = elapsed;
            }
          }
        }
        Stats t = Stats.of(ms);
        double ideal = Math.ceil((double) pages / c) * s.latencyMillis();
        double bestCase = (1 + Math.ceil((double) (pages - 1) / c)) * s.latencyMillis();
        rows.add(
            List.of(
                c == 1 ? "sequential" : "concurrency " + c,
                t.median(),
                t.min(),
                t.max(),
                ideal,
                t.median() / ideal,
                bestCase / ideal));
      }
      // The same walk with the raw floor (sequential): what the emulator and machine give.
      double[] floorMs = new double[s.latencyIterations()];
      try (Contenders.Fetcher floor =
          Contenders.floor(emulator.baseUrl(), VspcEmulator.DEFAULT_TOKEN, s.latencyPageSize())) {
        for (int i = -s.latencyWarmups(); i < s.latencyIterations(); i++) {
          long start = System.nanoTime();
          floor.fetchAll();
          double elapsed = (System.nanoTime() - start) / 1e6;
          if (i >= 0) {
            floorMs[i] = elapsed;
          }
        }
      }
      Stats f = Stats.of(floorMs);
      double idealSequential = (double) pages * s.latencyMillis();
      rows.add(
          List.of(
              "floor, sequential (raw OkHttp; context)",
              f.median(),
              f.min(),
              f.max(),
              idealSequential,
              f.median() / idealSequential,
              1.0));
      report.table(
          "latency",
          List.of(
              "client",
              "ms (median)",
              "ms (min)",
              "ms (max)",
              "ideal ms",
              "median / ideal",
              "1-page-first bound / ideal"),
          rows);
      report.line("Goal: concurrency 8 within 1.25x of the ideal.");
      report.line("");
    }
  }
}

package dev.licensewatch.vspc.benchmarks;

import dev.licensewatch.vspc.emulator.EmulatorStats;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throttling VSPC: the same parallel walk with the adaptive window of pages in flight and with a
 * fixed one, in turns against the same emulator, counting the 429s each took. The client keeps its
 * default retry settings (backoff from 500 ms, Retry-After as told), as a user would.
 */
final class ThrottleBench {
  static final int CONCURRENCY = 16;
  static final int LATENCY_MILLIS = 10;

  /** VSPC's two limits: simultaneous requests (429 without retryAfter), requests per period. */
  static final List<String> LIMITS =
      List.of("simultaneous=2", "per-period=40/1s", "per-period=40/1s,retry-after=none");

  private ThrottleBench() {}

  static void run(Settings s, Report report) throws Exception {
    int pages = Settings.pages(s.throttleLicences(), s.throttlePageSize());
    report.heading("6. Throttled");
    report.line(
        ("%s, concurrency %d, emulator latency %d ms, throttled as below; %d walks with each"
                + " window, in turns against the same emulator. 429s are the emulator's count;"
                + " requests include them. Adaptive: halve the pages in flight on a 429, widen by"
                + " one per round without one (the default); fixed: `adaptiveConcurrency(false)`.")
            .formatted(
                Report.paging(s.throttleLicences(), s.throttlePageSize(), pages, "pages"),
                CONCURRENCY,
                LATENCY_MILLIS,
                s.throttleRuns()));
    List<List<Object>> rows = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    for (String limit : LIMITS) {
      try (VspcEmulator emulator =
              VspcEmulator.builder()
                  .licenses(s.throttleLicences())
                  .seed(s.seed())
                  .latency(Duration.ofMillis(LATENCY_MILLIS))
                  .throttling(limit)
                  .start();
          Contenders.Fetcher adaptive =
              Contenders.ours(
                  emulator.baseUrl(),
                  VspcEmulator.DEFAULT_TOKEN,
                  s.throttlePageSize(),
                  CONCURRENCY,
                  true);
          Contenders.Fetcher fixed =
              Contenders.ours(
                  emulator.baseUrl(),
                  VspcEmulator.DEFAULT_TOKEN,
                  s.throttlePageSize(),
                  CONCURRENCY,
                  false)) {
        List<Contenders.Fetcher> both = List.of(adaptive, fixed);
        double[][] throttled = new double[2][s.throttleRuns()];
        double[][] requests = new double[2][s.throttleRuns()];
        double[][] ms = new double[2][s.throttleRuns()];
        for (int run = 0; run < s.throttleRuns(); run++) {
          for (int w = 0; w < 2; w++) {
            emulator.resetStats();
            long start = System.nanoTime();
            Contenders.Walk walk = both.get(w).fetchAll();
            ms[w][run] = (System.nanoTime() - start) / 1e6;
            if (walk.count() != s.throttleLicences()) {
              throw new IllegalStateException(limit + ": saw " + walk.count() + " licences");
            }
            EmulatorStats stats = emulator.stats();
            throttled[w][run] = stats.responses(429);
            requests[w][run] = stats.licenseRequests();
          }
        }
        Stats a = Stats.of(throttled[0]);
        Stats f = Stats.of(throttled[1]);
        for (int w = 0; w < 2; w++) {
          Stats t = w == 0 ? a : f;
          Stats wall = Stats.of(ms[w]);
          // Counts: the runs are an odd number, so medians are whole.
          rows.add(
              List.of(
                  limit + ", " + (w == 0 ? "adaptive" : "fixed"),
                  Math.round(t.median()),
                  Math.round(t.min()),
                  Math.round(t.max()),
                  Math.round(Stats.of(requests[w]).median()),
                  wall.median(),
                  wall.max(),
                  f.median() == 0 ? 0.0 : t.median() / f.median()));
        }
        summary.add(limit + ": " + Math.round(a.median()) + " against " + Math.round(f.median()));
      }
    }
    report.table(
        "throttle",
        List.of(
            "limit, window",
            "429s (median)",
            "429s (min)",
            "429s (max)",
            "requests (median)",
            "wall ms (median)",
            "wall ms (max)",
            "429s / fixed's"),
        rows);
    report.line(
        "**429s, adaptive against fixed (medians)**: "
            + String.join("; ", summary)
            + ". Every walk delivered every licence.");
    report.line("");
  }
}

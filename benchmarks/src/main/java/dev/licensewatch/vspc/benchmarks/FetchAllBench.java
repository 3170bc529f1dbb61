package dev.licensewatch.vspc.benchmarks;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetch-all, CPU-bound: every licence over loopback, no latency. The contenders run round-robin
 * (warm-ups first), so a noisy neighbour hurts each of them alike.
 */
final class FetchAllBench {
  private FetchAllBench() {}

  static void run(Settings s, Report report) throws Exception {
    report.heading("1. Fetch-all, CPU-bound");
    report.line(
        s.fetchLicences()
            + " licences over loopback from the emulator (seed "
            + s.seed()
            + ", PascalCase), pages of "
            + s.fetchPageSize()
            + ", no latency; "
            + s.fetchWarmups()
            + " warm-up + "
            + s.fetchIterations()
            + " measured walks each, round-robin; wall time"
            + " includes the emulator, which runs in this JVM and shares the 2 cores.");
    try (VspcEmulator emulator =
        VspcEmulator.builder().licenses(s.fetchLicences()).seed(s.seed()).start()) {
      String base = emulator.baseUrl();
      String token = VspcEmulator.DEFAULT_TOKEN;
      List<Contenders.Fetcher> fetchers =
          List.of(
              Contenders.ours(base, token, s.fetchPageSize(), 1),
              Contenders.floor(base, token, s.fetchPageSize()),
              Contenders.stock(base, token, s.fetchPageSize()),
              Contenders.ours(base, token, s.fetchPageSize(), 2));
      try {
        double[][] seconds = new double[fetchers.size()][s.fetchIterations()];
        double[][] cpu = new double[fetchers.size()][s.fetchIterations()];
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Contenders.Walk reference = null;
        for (int round = -s.fetchWarmups(); round < s.fetchIterations(); round++) {
          for (int i = 0; i < fetchers.size(); i++) {
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            Contenders.Walk walk = fetchers.get(i).fetchAll();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            if (walk.count() != s.fetchLicences()) {
              throw new IllegalStateException(
                  fetchers.get(i).name()
                      + " saw "
                      + walk.count()
                      + " licences, expected "
                      + s.fetchLicences());
            }
            if (reference == null) {
              reference = walk;
            } else if (!reference.equals(walk)) {
              throw new IllegalStateException(
                  fetchers.get(i).name() + " saw other licences: " + walk + " vs " + reference);
            }
            if (round >= 0) {
              seconds[i][round] = elapsed;
              cpu[i][round] = cpuSeconds;
            }
          }
        }
        Stats ours = Stats.of(seconds[0]);
        Stats floor = Stats.of(seconds[1]);
        Stats stock = Stats.of(seconds[2]);
        Stats oursCpu = Stats.of(cpu[0]);
        Stats floorCpu = Stats.of(cpu[1]);
        Stats stockCpu = Stats.of(cpu[2]);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < fetchers.size(); i++) {
          Stats t = Stats.of(seconds[i]);
          Stats c = Stats.of(cpu[i]);
          rows.add(
              List.of(
                  fetchers.get(i).name(),
                  s.fetchLicences() / t.median(),
                  t.median() * 1000,
                  t.min() * 1000,
                  t.max() * 1000,
                  t.median() / floor.median(),
                  t.median() / stock.median(),
                  c.median() * 1000,
                  c.median() / floorCpu.median(),
                  c.median() / stockCpu.median()));
        }
        report.table(
            "fetch",
            List.of(
                "contender",
                "licences/s (median)",
                "wall ms (median)",
                "wall ms (min)",
                "wall ms (max)",
                "wall / floor",
                "wall / stock",
                "CPU ms (median)",
                "CPU / floor",
                "CPU / stock"),
            rows);
        report.line(
            ratios(
                "**ours / floor = %.2fx** (goal <= 1.10x), **ours / stock = %.2fx** (goal < 1.00x),"
                    + " time ratios of medians (lower is better for ours).",
                ours, floor, stock));
        report.line(
            ratios(
                "By process CPU time (client + emulator + GC, all threads; less sensitive to other"
                    + " processes on a shared machine): ours / floor = %.2fx, ours / stock = %.2fx.",
                oursCpu, floorCpu, stockCpu));
        report.line("");
      } finally {
        fetchers.forEach(Contenders.Fetcher::close);
      }
    }
  }

  /** {@code template} with ours / floor and ours / stock, ratios of the medians. */
  private static String ratios(String template, Stats ours, Stats floor, Stats stock) {
    return String.format(
        java.util.Locale.ROOT,
        template,
        ours.median() / floor.median(),
        ours.median() / stock.median());
  }
}

package dev.licensewatch.vspc.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link DecodeBenchmark} through JMH's Runner API and tabulates it. */
final class DecodeBench {
  /** Decoding a page in at most this share of Jackson databind's CPU time. */
  static final double JACKSON_GOAL = 0.8;

  private DecodeBench() {}

  static void run(Settings s, Report report) throws Exception {
    report.heading("2. Decode only (JMH)");
    byte[] page = DecodeBenchmark.fetchPage(s.fetchLicences(), s.seed(), 500);
    report.line(
        "One page body of 500 licences ("
            + page.length
            + " bytes, page 0 of the "
            + s.fetchLicences()
            + "-licence dataset) to model objects; JMH throughput, "
            + s.jmhForks()
            + " fork(s), "
            + s.jmhWarmups()
            + " warm-up + "
            + s.jmhIterations()
            + " measured iterations of "
            + s.jmhMillis()
            + " ms; error is JMH's 99.9% interval.");
    Options options =
        new OptionsBuilder()
            .include(DecodeBenchmark.class.getName() + "\\.")
            .param("datasetSize", Integer.toString(s.fetchLicences()))
            .param("seed", Long.toString(s.seed()))
            .forks(s.jmhForks())
            .warmupIterations(s.jmhWarmups())
            .warmupTime(TimeValue.milliseconds(s.jmhMillis()))
            .measurementIterations(s.jmhIterations())
            .measurementTime(TimeValue.milliseconds(s.jmhMillis()))
            .jvmArgsAppend("-Xmx1g")
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
    double oursScore = Double.NaN;
    for (RunResult r : sorted) {
      if (r.getParams().getBenchmark().endsWith(".ours")) {
        oursScore = r.getPrimaryResult().getScore();
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (RunResult r : sorted) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      double pages = r.getPrimaryResult().getScore();
      double error = r.getPrimaryResult().getScoreError();
      rows.add(
          List.of(
              label(name),
              pages,
              Double.isNaN(error) ? 0.0 : error,
              pages * 500,
              pages * page.length / 1e6,
              oursScore / pages));
    }
    report.table(
        "decode",
        List.of("decoder", "pages/s", "± pages/s", "licences/s", "MB/s", "ours speed / this"),
        rows);

    int rounds = s.jmhIterations() * 3;
    report.line(
        "The same four decoders by this thread's CPU time per page, in turns (3 warm-up"
            + " + "
            + rounds
            + " rounds of 50 pages each): less sensitive than JMH's wall-clock scores"
            + " to other processes on a shared machine.");
    Map<String, Stats> cpu = cpuPerPage(s.fetchLicences(), rounds);
    double oursCpu = cpu.get("ours").median();
    List<List<Object>> cpuRows = new ArrayList<>();
    cpu.forEach(
        (name, st) ->
            cpuRows.add(
                List.of(
                    label(name),
                    st.median(),
                    st.min(),
                    st.max(),
                    500 / st.median() * 1000,
                    page.length / st.median() / 1000,
                    oursCpu / st.median())));
    report.table(
        "decode-cpu",
        List.of(
            "decoder",
            "CPU ms/page (median)",
            "min",
            "max",
            "licences per CPU-second",
            "MB per CPU-second",
            "ours CPU / this"),
        cpuRows);
    double jackson = oursCpu / cpu.get("jackson").median();
    report.line(
        String.format(
            java.util.Locale.ROOT,
            "**ours / Jackson databind = %.2fx** by" + " CPU per page (goal <= %.2fx: %s)",
            jackson,
            JACKSON_GOAL,
            jackson <= JACKSON_GOAL ? "met" : "not met"));
    report.line("");
  }

  /**
   * Ours, floor, stock and Jackson decoding the same page in turns, by the current thread's CPU
   * time: 3 warm-up rounds, then {@code rounds} measured rounds of 50 pages per decoder.
   */
  static Map<String, Stats> cpuPerPage(int datasetSize, int rounds) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    DecodeBenchmark bench = new DecodeBenchmark();
    bench.datasetSize = datasetSize;
    bench.seed = 42;
    bench.setUp();
    String[] names = {"ours", "floor", "stock", "jackson"};
    List<Callable<Object>> decoders =
        List.of(bench::ours, bench::floor, bench::stock, bench::jackson);
    double[][] samples = new double[names.length][rounds];
    for (int round = -3; round < rounds; round++) {
      for (int d = 0; d < names.length; d++) {
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 50; i++) {
          decoders.get(d).call();
        }
        if (round >= 0) {
          samples[d][round] = (threads.getCurrentThreadCpuTime() - cpu) / 50 / 1e6;
        }
      }
    }
    Map<String, Stats> result = new LinkedHashMap<>();
    for (int d = 0; d < names.length; d++) {
      result.put(names[d], Stats.of(samples[d]));
    }
    return result;
  }

  private static String label(String method) {
    return switch (method) {
      case "ours" -> "ours (generated Moshi adapters)";
      case "floor" -> "floor (hand-written Moshi JsonReader)";
      case "stock" -> "stock (okhttp-gson: String + Gson models)";
      case "jackson" -> "Jackson databind (equivalent records)";
      default -> method;
    };
  }
}

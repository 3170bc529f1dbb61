package dev.licensewatch.vspc.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every benchmark and prints a table of ratios and absolute figures to stdout and to a
 * results file.
 *
 * <pre>
 * java -jar benchmarks/target/vspc-benchmarks.jar [--smoke]
 *      [--only fetch,decode,latency,memory,coldstart,throttle,process]
 *      [--out FILE]
 * </pre>
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of("benchmarks", "target", "benchmark-results.md");
    boolean smoke = false;
    Set<String> only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--only" -> only = new LinkedHashSet<>(List.of(args[++i].split(",")));
        case "--out" -> out = Path.of(args[++i]);
        case "-h", "--help" -> {
          System.out.println("usage: java -jar vspc-benchmarks.jar [--smoke]"
              + " [--only " + String.join(",", Settings.ALL) + "] [--out FILE]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Settings settings = smoke ? Settings.smoke(out) : Settings.full(out);
    if (only != null) {
      for (String section : only) {
        if (!Settings.ALL.contains(section)) {
          throw new IllegalArgumentException("unknown section " + section + "; one of " + Settings.ALL);
        }
      }
      settings = settings.only(only);
    }
    Report report = run(settings);
    System.out.println("Results written to " + settings.output().toAbsolutePath());
    if (!report.skipped().isEmpty()) {
      System.out.println("Skipped: " + report.skipped());
    }
  }

  static Report run(Settings s) throws Exception {
    Report report = new Report();
    Runtime rt = Runtime.getRuntime();
    report.line("# VSPC licensing client benchmarks");
    report.line("");
    report.line("Run " + Instant.now() + " on " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version") + ", " + rt.availableProcessors() + " CPUs, max heap "
        + rt.maxMemory() / 1048576 + " MB, " + System.getProperty("os.name") + ". Figures are"
        + " only as quiet as the machine was: compare ratios within one run, not across runs.");
    report.line("");
    if (s.sections().contains("fetch")) {
      FetchAllBench.run(s, report);
    }
    if (s.sections().contains("decode")) {
      DecodeBench.run(s, report);
    }
    if (s.sections().contains("latency")) {
      LatencyBench.run(s, report);
    }
    if (s.sections().contains("memory")) {
      MemoryBench.run(s, report);
    }
    if (s.sections().contains("coldstart")) {
      ColdStartBench.run(s, report);
    }
    if (s.sections().contains("throttle")) {
      ThrottleBench.run(s, report);
    }
    if (s.sections().contains("process")) {
      ProcessBench.run(s, report);
    }
    report.write(s.output());
    return report;
  }
}

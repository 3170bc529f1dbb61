package dev.licensewatch.vspc.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every benchmark and prints a table of ratios and absolute figures to stdout and to a results
 * file.
 *
 * <pre>
 * java -jar benchmarks/target/vspc-benchmarks.jar [--smoke]
 *      [--only fetch,decode,latency,memory,coldstart,throttle,process]
 *      [--out FILE]
 * </pre>
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  /** One section of the report. */
  private interface Section {
    void run(Settings s, Report report) throws Exception;
  }

  /** Each section by its {@code --only} name; they run in the order of {@link Settings#ALL}. */
  private static final Map<String, Section> SECTIONS =
      Map.of(
          "fetch", FetchAllBench::run,
          "decode", DecodeBench::run,
          "latency", LatencyBench::run,
          "memory", MemoryBench::run,
          "coldstart", ColdStartBench::run,
          "throttle", ThrottleBench::run,
          "process", ProcessBench::run);

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
      System.out.println(
          "usage: java -jar vspc-benchmarks.jar [--smoke]"
              + " [--only "
              + String.join(",", Settings.ALL)
              + "] [--out FILE]");
      return;
    }
    Settings settings = settings(args);
    Report report = run(settings);
    System.out.println("Results written to " + settings.output().toAbsolutePath());
    if (!report.skipped().isEmpty()) {
      System.out.println("Skipped: " + report.skipped());
    }
  }

  /** The settings the arguments ask for; an unknown argument or section is rejected. */
  static Settings settings(String... args) {
    Path out = Path.of("benchmarks", "target", "benchmark-results.md");
    boolean smoke = false;
    Set<String> only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--only" -> only = new LinkedHashSet<>(List.of(args[++i].split(",")));
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Settings settings = smoke ? Settings.smoke(out) : Settings.full(out);
    if (only != null) {
      for (String section : only) {
        if (!Settings.ALL.contains(section)) {
          throw new IllegalArgumentException(
              "unknown section " + section + "; one of " + Settings.ALL);
        }
      }
      settings = settings.only(only);
    }
    return settings;
  }

  static Report run(Settings s) throws Exception {
    Report report = new Report();
    Runtime rt = Runtime.getRuntime();
    report.line("# VSPC licensing client benchmarks");
    report.line("");
    report.line(
        "Run "
            + Instant.now()
            + " on "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + ", "
            + rt.availableProcessors()
            + " CPUs, max heap "
            + rt.maxMemory() / 1048576
            + " MB, "
            + System.getProperty("os.name")
            + ". Figures are"
            + " only as quiet as the machine was: compare ratios within one run, not across runs.");
    report.line("");
    for (String section : Settings.ALL) {
      if (s.sections().contains(section)) {
        SECTIONS.get(section).run(s, report);
      }
    }
    report.write(s.output());
    return report;
  }
}

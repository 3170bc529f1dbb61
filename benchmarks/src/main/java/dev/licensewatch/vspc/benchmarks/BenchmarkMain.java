package dev.licensewatch.vspc.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  /** Each section by its {@code --only} name, in the order they run. */
  private static final Map<String, Section> SECTIONS = sections();

  /** The sections' names, in the order they run. */
  static final List<String> SECTION_NAMES = List.copyOf(SECTIONS.keySet());

  private static Map<String, Section> sections() {
    Map<String, Section> sections = new LinkedHashMap<>();
    sections.put("fetch", FetchAllBench::run);
    sections.put("decode", DecodeBench::run);
    sections.put("latency", LatencyBench::run);
    sections.put("memory", MemoryBench::run);
    sections.put("coldstart", ColdStartBench::run);
    sections.put("throttle", ThrottleBench::run);
    sections.put("process", ProcessBench::run);
    return Collections.unmodifiableMap(sections);
  }

  /** What the command line asks for: the settings, the sections to run, the report's file. */
  record Arguments(Settings settings, Set<String> sections, Path output) {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
      System.out.println(
          "usage: java -jar vspc-benchmarks.jar [--smoke]"
              + " [--only "
              + String.join(",", SECTION_NAMES)
              + "] [--out FILE]");
      return;
    }
    Arguments arguments = arguments(args);
    Report report = run(arguments.settings(), arguments.sections(), arguments.output());
    System.out.println("Results written to " + arguments.output().toAbsolutePath());
    if (!report.skipped().isEmpty()) {
      System.out.println("Skipped: " + report.skipped());
    }
  }

  /** What the arguments ask for; an unknown argument or section is rejected. */
  static Arguments arguments(String... args) {
    Path out = Path.of("benchmarks", "target", "benchmark-results.md");
    boolean smoke = false;
    Set<String> only = Set.copyOf(SECTION_NAMES);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--only" -> only = new LinkedHashSet<>(List.of(args[++i].split(",")));
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    for (String section : only) {
      if (!SECTIONS.containsKey(section)) {
        throw new IllegalArgumentException(
            "unknown section " + section + "; one of " + SECTION_NAMES);
      }
    }
    return new Arguments(smoke ? Settings.smoke() : Settings.full(), only, out);
  }

  /**
   * Runs {@code sections} (in their order, whatever the set's) and writes the report to {@code
   * output}.
   */
  static Report run(Settings s, Set<String> sections, Path output) throws Exception {
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
    for (String section : SECTION_NAMES) {
      if (sections.contains(section)) {
        SECTIONS.get(section).run(s, report);
      }
    }
    report.write(output);
    return report;
  }
}

package dev.licensewatch.vspc.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a run measures and how long; {@link #full()} is the documented run, {@link #smoke()} the
 * test's.
 */
record Settings(
    Set<String> sections,
    long seed,
    int fetchLicences,
    int fetchPageSize,
    int fetchWarmups,
    int fetchIterations,
    int jmhForks,
    int jmhWarmups,
    int jmhIterations,
    int jmhMillis,
    int latencyLicences,
    int latencyPageSize,
    int latencyMillis,
    List<Integer> concurrencies,
    int latencyWarmups,
    int latencyIterations,
    int memoryLicences,
    String memoryHeap,
    int memoryListLicences,
    int coldStartWarmups,
    int coldStartRuns,
    boolean coldStartScript,
    int throttleLicences,
    int throttlePageSize,
    int throttleRuns,
    int processWarmups,
    int processRuns,
    boolean processLauncher,
    Path output) {

  static final List<String> ALL =
      List.of("fetch", "decode", "latency", "memory", "coldstart", "throttle", "process");

  /** Pages (requests) needed for {@code licences} at {@code pageSize} a page. */
  static int pages(int licences, int pageSize) {
    return (licences + pageSize - 1) / pageSize;
  }

  static Settings full(Path output) {
    return new Settings(
        Set.copyOf(ALL),
        42,
        100_000,
        500,
        3,
        7,
        1,
        3,
        5,
        2000,
        20_000,
        100,
        20,
        List.of(1, 2, 4, 8, 16),
        1,
        5,
        1_000_000,
        "64m",
        1_000_000,
        1,
        5,
        true,
        10_000,
        100,
        3,
        1,
        5,
        true,
        output);
  }

  /**
   * Each benchmark briefly, so that none can rot; the numbers mean nothing. Cold start runs the CLI
   * jar directly: the script could start a Maven build inside this one; so does the whole process
   * benchmark (the launcher would first make its class-data archive).
   */
  static Settings smoke(Path output) {
    return new Settings(
        Set.copyOf(ALL),
        42,
        2_000,
        500,
        1,
        1,
        0,
        0,
        1,
        200,
        400,
        100,
        2,
        List.of(1, 4),
        0,
        1,
        20_000,
        "64m",
        20_000,
        0,
        1,
        false,
        600,
        100,
        1,
        0,
        1,
        false,
        output);
  }

  Settings only(Set<String> chosen) {
    return new Settings(
        chosen,
        seed,
        fetchLicences,
        fetchPageSize,
        fetchWarmups,
        fetchIterations,
        jmhForks,
        jmhWarmups,
        jmhIterations,
        jmhMillis,
        latencyLicences,
        latencyPageSize,
        latencyMillis,
        concurrencies,
        latencyWarmups,
        latencyIterations,
        memoryLicences,
        memoryHeap,
        memoryListLicences,
        coldStartWarmups,
        coldStartRuns,
        coldStartScript,
        throttleLicences,
        throttlePageSize,
        throttleRuns,
        processWarmups,
        processRuns,
        processLauncher,
        output);
  }
}

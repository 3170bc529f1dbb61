package dev.licensewatch.vspc.benchmarks;

import java.util.List;

/**
 * How much each benchmark measures and for how long (which benchmarks run, and where the report
 * goes, are arguments of {@link BenchmarkMain}). The values live in named settings files under
 * {@code settings/} on the classpath, so each number says what it is; {@link #full} is the
 * documented run, {@link #smoke} the test's.
 */
record Settings(
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
    boolean processLauncher) {

  /** Pages (requests) needed for {@code licences} at {@code pageSize} a page. */
  static int pages(int licences, int pageSize) {
    return (licences + pageSize - 1) / pageSize;
  }

  /** The documented run: {@code settings/full.properties}. */
  static Settings full() {
    return load("full");
  }

  /** The test's run, each benchmark briefly: {@code settings/smoke.properties}. */
  static Settings smoke() {
    return load("smoke");
  }

  /** Reads a settings file of named values; a key missing or left unread names the file and key. */
  static Settings load(String name) {
    SettingsFile p = SettingsFile.read("settings/" + name + ".properties");
    Settings settings =
        new Settings(
            p.longValue("seed"),
            p.intValue("fetch.licences"),
            p.intValue("fetch.pageSize"),
            p.intValue("fetch.warmups"),
            p.intValue("fetch.iterations"),
            p.intValue("jmh.forks"),
            p.intValue("jmh.warmups"),
            p.intValue("jmh.iterations"),
            p.intValue("jmh.millis"),
            p.intValue("latency.licences"),
            p.intValue("latency.pageSize"),
            p.intValue("latency.millis"),
            p.intList("latency.concurrencies"),
            p.intValue("latency.warmups"),
            p.intValue("latency.iterations"),
            p.intValue("memory.licences"),
            p.text("memory.heap"),
            p.intValue("memory.listLicences"),
            p.intValue("coldStart.warmups"),
            p.intValue("coldStart.runs"),
            p.bool("coldStart.script"),
            p.intValue("throttle.licences"),
            p.intValue("throttle.pageSize"),
            p.intValue("throttle.runs"),
            p.intValue("process.warmups"),
            p.intValue("process.runs"),
            p.bool("process.launcher"));
    p.requireAllRead();
    return settings;
  }
}

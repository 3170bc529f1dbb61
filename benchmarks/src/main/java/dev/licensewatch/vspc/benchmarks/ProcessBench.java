package dev.licensewatch.vspc.benchmarks;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line as a user runs it, JVM start included, side by side with curl fetching the same
 * pages from the same emulator in the same run: a CPU-bound export (no latency) and a latency-bound
 * walk (20 ms per request). Every process writes to a discarded stdout.
 */
final class ProcessBench {
  /** The goals: whole processes against curl's time for the same pages. */
  static final double EXPORT_GOAL = 2.0;

  static final double LATENCY_GOAL = 1.3;
  static final int LATENCY_CONCURRENCY = 8;

  private ProcessBench() {}

  /** One process to time: a name for the table and its command line. */
  record Case(String name, List<String> command) {}

  static void run(Settings s, Report report) throws Exception {
    report.heading("7. Whole process, against curl");
    Path root = ColdStartBench.repositoryRoot();
    Path jar = root == null ? null : root.resolve("cli/target/vspc-licenses.jar");
    if (jar == null || !Files.isRegularFile(jar)) {
      report.skip(
          "whole process",
          "the CLI is not built: need cli/target/vspc-licenses.jar"
              + " under the repository root ("
              + root
              + "); build it with"
              + " `./mvnw -B -pl cli -am package -DskipTests`, then run again.");
      return;
    }
    String curlProblem = curlProblem();
    if (curlProblem != null) {
      report.skip("whole process", curlProblem);
      return;
    }
    List<String> cli = new ArrayList<>();
    if (s.processLauncher()) {
      // The installed launcher (start-up options, class-data archive), on the built jar: what
      // ./vspc-licenses runs once it has checked the jar is up to date.
      cli.addAll(List.of("bash", root.resolve("cli/src/dist/bin/vspc-licenses").toString()));
    } else {
      cli.addAll(
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-jar",
              jar.toString()));
    }
    int bulkPages = Settings.pages(s.fetchLicences(), s.fetchPageSize());
    int slowPages = Settings.pages(s.latencyLicences(), s.latencyPageSize());
    String load = loadAverage();
    try (VspcEmulator bulk =
            VspcEmulator.builder().licenses(s.fetchLicences()).seed(s.seed()).start();
        VspcEmulator slow =
            VspcEmulator.builder()
                .licenses(s.latencyLicences())
                .seed(s.seed())
                .latency(Duration.ofMillis(s.latencyMillis()))
                .start()) {
      String auth = "Authorization: Bearer " + VspcEmulator.DEFAULT_TOKEN;
      List<Case> cases =
          List.of(
              new Case(
                  "curl: "
                      + bulkPages
                      + " pages of "
                      + s.fetchPageSize()
                      + ", one after"
                      + " another",
                  List.of(
                      "curl",
                      "-sSf",
                      "-H",
                      auth,
                      pagesUrl(bulk, s.fetchPageSize(), s.fetchLicences()))),
              new Case(
                  "vspc-licenses export (defaults: pages of 500, concurrency 4)",
                  with(cli, "--url", bulk.baseUrl(), "export")),
              new Case(
                  "curl --parallel --parallel-max "
                      + LATENCY_CONCURRENCY
                      + ": "
                      + slowPages
                      + " pages of "
                      + s.latencyPageSize(),
                  List.of(
                      "curl",
                      "-sSf",
                      "--parallel",
                      "--parallel-max",
                      "" + LATENCY_CONCURRENCY,
                      "-H",
                      auth,
                      pagesUrl(slow, s.latencyPageSize(), s.latencyLicences()))),
              new Case(
                  "vspc-licenses --page-size "
                      + s.latencyPageSize()
                      + " --concurrency "
                      + LATENCY_CONCURRENCY
                      + " export",
                  with(
                      cli,
                      "--url",
                      slow.baseUrl(),
                      "--page-size",
                      "" + s.latencyPageSize(),
                      "--concurrency",
                      "" + LATENCY_CONCURRENCY,
                      "export")),
              new Case(
                  "vspc-licenses export (defaults: pages of 500, concurrency 4)",
                  with(cli, "--url", slow.baseUrl(), "export")),
              new Case(
                  "vspc-licenses --page-size 100 export (the former default)",
                  with(cli, "--url", slow.baseUrl(), "--page-size", "100", "export")));
      Map<String, String> env =
          Map.of("VSPC_TOKEN", VspcEmulator.DEFAULT_TOKEN, "VSPC_LICENSES_JAR", jar.toString());
      double[][] ms = new double[cases.size()][s.processRuns()];
      // Warm-ups also warm the emulators and let the launcher make its class-data archive.
      for (int i = -s.processWarmups(); i < s.processRuns(); i++) {
        for (int k = 0; k < cases.size(); k++) {
          double t = ColdStartBench.time(cases.get(k).command(), env, root);
          if (i >= 0) {
            ms[k][i] = t;
          }
        }
      }
      report.line(
          "Processes started from this JVM, stdout discarded, "
              + s.processWarmups()
              + " warm-up + "
              + s.processRuns()
              + " measured runs each, round-robin, against"
              + " emulators in this JVM (warm by then; they share the machine with the process"
              + " measured). Export: "
              + s.fetchLicences()
              + " licences, no latency. Latency-bound: "
              + s.latencyLicences()
              + " licences, "
              + s.latencyMillis()
              + " ms per request."
              + " vspc-licenses runs "
              + (s.processLauncher()
                  ? "through the installed launcher (cli/src/dist/bin/vspc-licenses: C1, serial GC,"
                      + " its class-data archive)"
                  : "as java -jar (smoke run: no launcher, no archive)")
              + ", JVM start included. Load average before: "
              + load
              + ", after: "
              + loadAverage()
              + ".");
      List<Stats> stats = new ArrayList<>();
      List<List<Object>> rows = new ArrayList<>();
      for (int k = 0; k < cases.size(); k++) {
        Stats t = Stats.of(ms[k]);
        stats.add(t);
        Stats floor = stats.get(k < 2 ? 0 : 2);
        rows.add(
            List.of(
                (k < 2 ? "export: " : "latency-bound: ") + cases.get(k).name(),
                t.median(),
                t.min(),
                t.max(),
                t.median() / floor.median()));
      }
      report.table(
          "process",
          List.of("process", "ms (median)", "ms (min)", "ms (max)", "median / curl's"),
          rows);
      double export = stats.get(1).median() / stats.get(0).median();
      double latency = stats.get(3).median() / stats.get(2).median();
      report.line(
          goal(
              "export of "
                  + String.format(Locale.ROOT, "%,d", s.fetchLicences())
                  + " licences / curl",
              export,
              EXPORT_GOAL));
      report.line(goal("latency-bound walk / parallel curl", latency, LATENCY_GOAL));
      report.line(
          String.format(
              Locale.ROOT,
              "Defaults against the %d ms server: %,.0f ms with"
                  + " pages of 500, %,.0f ms with pages of 100.",
              s.latencyMillis(),
              stats.get(4).median(),
              stats.get(5).median()));
      report.line("");
    } catch (IllegalStateException e) {
      report.skip("whole process", "a process did not run: " + e.getMessage());
    }
  }

  private static String goal(String what, double ratio, double goal) {
    return String.format(
        Locale.ROOT,
        "**%s = %.2fx** (goal <= %.1fx: %s)",
        what,
        ratio,
        goal,
        ratio <= goal ? "met" : "not met");
  }

  /** curl's URL glob for every page: {@code ...?limit=500&offset=[0-99500:500]}. */
  private static String pagesUrl(VspcEmulator emulator, int pageSize, int licences) {
    int last = (licences - 1) / pageSize * pageSize;
    return emulator.licensesUrl()
        + "?limit="
        + pageSize
        + "&offset=[0-"
        + last
        + ":"
        + pageSize
        + "]";
  }

  private static List<String> with(List<String> command, String... args) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return all;
  }

  /** Why curl cannot be the floor here (missing, or older than 7.66 without --parallel). */
  static String curlProblem() {
    try {
      Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor(10, TimeUnit.SECONDS);
      Matcher version = Pattern.compile("^curl (\\d+)\\.(\\d+)").matcher(out);
      if (!version.find()) {
        return "cannot tell curl's version from: " + out.lines().findFirst().orElse("");
      }
      int major = Integer.parseInt(version.group(1));
      int minor = Integer.parseInt(version.group(2));
      return major > 7 || (major == 7 && minor >= 66)
          ? null
          : "curl " + major + "." + minor + " has no --parallel (7.66 or later needed)";
    } catch (java.io.IOException e) {
      return "curl is not installed: the floor of these figures is curl fetching the same pages";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}

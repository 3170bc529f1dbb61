package dev.licensewatch.vspc.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Wall time of {@code vspc-licenses --demo export --format csv} as a whole process. */
final class ColdStartBench {
  private ColdStartBench() {}

  static void run(Settings s, Report report) throws Exception {
    report.heading("5. Cold start");
    Path root = repositoryRoot();
    Path script = root == null ? null : root.resolve("vspc-licenses");
    Path jar = root == null ? null : cliJar(root.resolve("cli").resolve("target"));
    if (script == null || !Files.isRegularFile(script) || jar == null) {
      report.skip(
          "cold start",
          "the CLI is not built: need ./vspc-licenses and"
              + " cli/target/*.jar under the repository root ("
              + root
              + "); build it with"
              + " `./mvnw -B -pl cli -am package -DskipTests`, then run again.");
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The flags ./vspc-licenses execs java with; the empty JVM gets the same ones.
    List<String> flags = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    List<String> args = List.of("--demo", "export", "--format", "csv");
    List<List<String>> commands = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (s.coldStartScript()) {
      List<String> viaScript = new ArrayList<>(List.of("bash", script.toString()));
      viaScript.addAll(args);
      commands.add(viaScript);
      names.add("./vspc-licenses --demo export --format csv");
    }
    List<String> direct = new ArrayList<>(List.of(java));
    direct.addAll(flags);
    direct.addAll(List.of("-jar", jar.toString()));
    direct.addAll(args);
    commands.add(direct);
    names.add("java <script's flags> -jar " + root.relativize(jar) + " --demo export --format csv");
    List<String> noop = new ArrayList<>(List.of(java));
    noop.addAll(flags);
    noop.addAll(List.of("-cp", System.getProperty("java.class.path"), Noop.class.getName()));
    commands.add(noop);
    names.add("empty JVM, same flags (java ... Noop)");

    double[][] ms = new double[commands.size()][s.coldStartRuns()];
    // Warm-ups also let the script rebuild its jar when a source is newer than it.
    try {
      for (int i = -s.coldStartWarmups(); i < s.coldStartRuns(); i++) {
        for (int k = 0; k < commands.size(); k++) {
          double t = time(commands.get(k), root);
          if (i >= 0) {
            ms[k][i] = t;
          }
        }
      }
    } catch (IllegalStateException e) {
      report.skip("cold start", "the CLI did not run: " + e.getMessage());
      return;
    }
    report.line(
        "Whole processes, stdout discarded, "
            + s.coldStartWarmups()
            + " warm-up + "
            + s.coldStartRuns()
            + " measured runs, round-robin. The script checks whether its jar is"
            + " stale (a `find` over the sources) before it execs java. JVM share = the empty JVM's"
            + " median over the CLI's.");
    Stats cli = Stats.of(ms[0]);
    Stats empty = Stats.of(ms[commands.size() - 1]);
    List<List<Object>> rows = new ArrayList<>();
    for (int k = 0; k < commands.size(); k++) {
      Stats t = Stats.of(ms[k]);
      rows.add(List.of(names.get(k), t.median(), t.min(), t.max(), t.median() / cli.median()));
    }
    report.table(
        "coldstart",
        List.of("process", "ms (median)", "ms (min)", "ms (max)", "share of first row"),
        rows);
    report.line(
        String.format(
            Locale.ROOT,
            "**JVM share of the cold start: %.0f%%** (empty JVM %.0f ms of %.0f ms).",
            100 * empty.median() / cli.median(),
            empty.median(),
            cli.median()));
    report.line("");
  }

  private static double time(List<String> command, Path dir) throws Exception {
    return time(command, Map.of(), dir);
  }

  /**
   * Wall time of one process in {@code dir}, stdout discarded, with {@code env} instead of this
   * JVM's VSPC_* variables and JAVA_OPTS; a non-zero exit is an IllegalStateException quoting the
   * end of its stderr.
   */
  static double time(List<String> command, Map<String, String> env, Path dir) throws Exception {
    Path err = Files.createTempFile("vspc-process", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(err.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("VSPC_") || k.equals("JAVA_OPTS"));
      pb.environment().putAll(env);
      long start = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in 5 minutes");
      }
      double ms = (System.nanoTime() - start) / 1e6;
      if (p.exitValue() != 0) {
        String text = Files.readString(err);
        throw new IllegalStateException(
            String.join(" ", command)
                + " exited "
                + p.exitValue()
                + "; stderr ends: "
                + text.substring(Math.max(0, text.length() - 600)).strip());
      }
      return ms;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static Path cliJar(Path target) throws Exception {
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (var files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".jar"))
          .filter(f -> !f.getFileName().toString().startsWith("original-"))
          .filter(f -> !f.getFileName().toString().endsWith("-sources.jar"))
          .findFirst()
          .orElse(null);
    }
  }

  /** {@code -Dvspc.repo}, else the nearest directory up from here holding mvnw and benchmarks/. */
  static Path repositoryRoot() {
    String configured = System.getProperty("vspc.repo");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (new File(p.toFile(), "mvnw").isFile()
          && new File(p.toFile(), "benchmarks").isDirectory()) {
        return p;
      }
    }
    return null;
  }
}

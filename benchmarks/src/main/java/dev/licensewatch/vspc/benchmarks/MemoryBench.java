package dev.licensewatch.vspc.benchmarks;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Streams many licences through the client in a child JVM with a small heap. */
final class MemoryBench {
  private MemoryBench() {}

  static void run(Settings s, Report report) throws Exception {
    report.heading("4. Memory");
    report.line(
        "The client in a child JVM with -Xmx"
            + s.memoryHeap()
            + " (default GC), pages of"
            + " 500, against an emulator in this JVM. Peak heap: the highest used heap sampled every"
            + " 2 ms; pool peaks: the sum of the heap pools' own peaks (an upper bound: they peak at"
            + " different times).");
    int most = Math.max(s.memoryLicences(), s.memoryListLicences());
    try (VspcEmulator emulator = VspcEmulator.builder().licenses(most).seed(s.seed()).start()) {
      List<List<Object>> rows = new ArrayList<>();
      rows.add(child(emulator, "stream", 1, s, most));
      rows.add(child(emulator, "stream", 4, s, most));
      rows.add(child(emulator, "list", 1, s, most));
      report.table(
          "memory",
          List.of(
              "run",
              "outcome",
              "licences",
              "seconds",
              "peak heap MB (sampled)",
              "pool peaks MB",
              "max heap MB"),
          rows);
      report.line(
          "Goal: "
              + most
              + " licences streamed in "
              + s.memoryHeap()
              + " of heap;"
              + " collecting them into a list is expected to end in OutOfMemoryError.");
      report.line("");
    }
  }

  private static List<Object> child(
      VspcEmulator emulator, String mode, int concurrency, Settings s, int licences)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + s.memoryHeap(),
            "-XX:+UseG1GC",
            "-cp",
            System.getProperty("java.class.path"),
            MemoryChild.class.getName(),
            mode,
            emulator.baseUrl(),
            VspcEmulator.DEFAULT_TOKEN,
            Integer.toString(concurrency));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        } else if (output.length() < 4000) {
          output.append(line).append('\n');
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the memory child did not finish");
    }
    if (result == null) {
      throw new IllegalStateException(
          "the memory child printed no result (exit " + process.exitValue() + "):\n" + output);
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : result.substring(7).split(" ")) {
      int eq = pair.indexOf('=');
      fields.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    String name =
        mode.equals("stream")
            ? "stream(), concurrency " + concurrency
            : "collect into a List (expected to fail)";
    return List.of(
        name,
        fields.get("outcome"),
        Long.parseLong(fields.get("count")),
        Double.parseDouble(fields.get("seconds")),
        Long.parseLong(fields.get("peakUsedBytes")) / 1048576.0,
        Long.parseLong(fields.get("poolPeakBytes")) / 1048576.0,
        Long.parseLong(fields.get("maxHeapBytes")) / 1048576.0);
  }
}

package dev.licensewatch.vspc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark briefly so that none can rot. Asserts only that each one completes and
 * produces numbers: never a time (this machine is shared, and a smoke run measures nothing).
 */
class BenchmarksSmokeTest {

  @Test
  void everyBenchmarkCompletesAndProducesNumbers(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("results.md");

    Report report =
        BenchmarkMain.run(Settings.smoke(), Set.copyOf(BenchmarkMain.SECTION_NAMES), out);

    Map<String, Double> numbers = report.numbers();
    for (String section : BenchmarkMain.SECTION_NAMES) {
      if (report.skipped().contains("cold start") && section.equals("coldstart")
          || report.skipped().contains("whole process") && section.equals("process")) {
        continue; // the CLI is not built in this checkout (or no curl): it says so and skips
      }
      assertThat(numbers.keySet())
          .as("numbers of " + section)
          .anyMatch(k -> k.startsWith(section + "/"));
    }
    assertThat(numbers)
        .allSatisfy((key, value) -> assertThat(value).as(key).isFinite().isNotNegative());
    assertThat(numbers.keySet())
        .anyMatch(k -> k.startsWith("fetch/ours"))
        .anyMatch(k -> k.startsWith("fetch/floor"))
        .anyMatch(k -> k.startsWith("fetch/stock"))
        .anyMatch(k -> k.startsWith("decode/ours"))
        .anyMatch(k -> k.startsWith("decode/stock"))
        .anyMatch(k -> k.startsWith("decode/Jackson"))
        .anyMatch(k -> k.startsWith("latency/concurrency"))
        .anyMatch(k -> k.startsWith("throttle/simultaneous=2, adaptive"))
        .anyMatch(k -> k.startsWith("throttle/simultaneous=2, fixed"));
    assertThat(Files.readString(out)).contains("## 1. Fetch-all").contains("## 4. Memory");
  }
}

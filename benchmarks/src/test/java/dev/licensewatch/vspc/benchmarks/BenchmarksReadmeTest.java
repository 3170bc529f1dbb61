package dev.licensewatch.vspc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md's commands are the ones run.sh runs and the runner accepts, so it cannot drift. */
class BenchmarksReadmeTest {
  private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SECTION_NAME =
      Pattern.compile("^\\| \\d+ \\| [^|]*\\(`(\\w+)`\\)", Pattern.MULTILINE);

  private final String readme = read(Path.of("README.md"));

  @Test
  void everyRunShLineIsAcceptedByTheRunner() {
    List<String> runs =
        commandLines().stream().filter(l -> l.startsWith("benchmarks/run.sh")).toList();

    assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
    for (String line : runs) {
      String[] args = arguments(line, "benchmarks/run.sh");
      BenchmarkMain.Arguments arguments = BenchmarkMain.arguments(args);
      if (line.contains("--only")) {
        List<String> only = List.of(args[Arrays.asList(args).indexOf("--only") + 1].split(","));
        assertThat(arguments.sections()).as(line).containsExactlyInAnyOrderElementsOf(only);
      }
    }
    assertThat(runs)
        .as("a line that names every section")
        .contains("benchmarks/run.sh --only " + String.join(",", BenchmarkMain.SECTION_NAMES));
    assertThatThrownBy(() -> BenchmarkMain.arguments("--only", "nosuchsection"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nosuchsection");
  }

  @Test
  void theCommandsItSaysRunShRunsAreInRunSh() {
    String script = read(Path.of("run.sh"));
    List<String> direct =
        commandLines().stream()
            .filter(l -> l.startsWith("./mvnw") || l.startsWith("java "))
            .toList();

    assertThat(direct).hasSize(2);
    for (String line : direct) {
      assertThat(script).as("run.sh runs " + line).contains(line);
    }
  }

  @Test
  void theTableNamesEverySectionInTheOrderTheyRun() {
    List<String> names = new ArrayList<>();
    Matcher m = SECTION_NAME.matcher(readme);
    while (m.find()) {
      names.add(m.group(1));
    }

    assertThat(names).isEqualTo(BenchmarkMain.SECTION_NAMES);
  }

  private List<String> commandLines() {
    List<String> lines = new ArrayList<>();
    Matcher block = SH_BLOCK.matcher(readme);
    while (block.find()) {
      block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
    }
    return lines;
  }

  private static String[] arguments(String line, String command) {
    assertThat(line).startsWith(command);
    String rest = line.substring(command.length()).strip();
    return rest.isEmpty() ? new String[0] : rest.split("\\s+");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file.toAbsolutePath(), e);
    }
  }
}

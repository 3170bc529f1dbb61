package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code vspc-licenses} command of the root README and of cli/README.md runs as written:
 * against an emulator for the ones that name a server through VSPC_URL and VSPC_TOKEN, on their own
 * for {@code --demo}. Only the server, the files they write (in a temp dir) and the token are the
 * test's own, so the READMEs cannot drift from the program.
 */
class ReadmeCommandsTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
  private static final Pattern INLINE = Pattern.compile("`(\\./(?:vspc-licenses|mvnw) [^`]+)`");
  private static final Set<String> FILE_OPTIONS = Set.of("--output", "--junit");

  @Test
  void everyCommandOfTheReadmesRuns(@TempDir Path dir) throws IOException {
    List<List<String>> commands = new ArrayList<>();
    for (Path readme : List.of(ROOT.resolve("README.md"), Path.of("README.md"))) {
      commands.addAll(commands(Files.readString(readme, StandardCharsets.UTF_8)));
    }
    assertThat(commands).as("vspc-licenses commands of the READMEs").hasSizeGreaterThanOrEqualTo(8);
    assertThat(commands).contains(List.of("--demo", "list"));

    try (VspcEmulator vspc = VspcEmulator.builder().licenses(60).token(Cli.TOKEN).start()) {
      Map<String, String> server = Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", Cli.TOKEN);
      for (List<String> command : commands) {
        boolean demo = command.contains("--demo");
        Cli.Result r =
            Cli.run(demo ? Map.of() : server, ShellLines.inDir(command, dir, FILE_OPTIONS));

        if (command.contains("check")) {
          assertThat(r.code()).as(command + "\n" + r.all()).isBetween(0, 2);
          assertThat(r.out())
              .as(command.toString())
              .containsPattern("^LICENSES (OK|WARNING|CRITICAL) - ");
        } else {
          assertThat(r.code()).as(command + "\n" + r.all()).isZero();
        }
        if (command.contains("--output")) {
          Path file = dir.resolve(command.get(command.indexOf("--output") + 1));
          assertThat(Files.readAllLines(file)).as(command + ": a header and 60 rows").hasSize(61);
        }
        if (command.contains("--junit")) {
          Path file = dir.resolve(command.get(command.indexOf("--junit") + 1));
          assertThat(Files.readString(file)).as(command.toString()).contains("<testsuites ");
        }
        if (command.contains("--columns")) {
          assertThat(r.out())
              .as(command.toString())
              .contains("\"company\"")
              .doesNotContain("\"backupServerUid\"");
        }
      }
    }
  }

  @Test
  void theRootReadmesTestCommandIsWhatCiRuns() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## The two commands"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    List<String> inline = new ArrayList<>();
    for (String row : section.lines().filter(l -> l.startsWith("|")).toList()) {
      Matcher m = INLINE.matcher(row);
      while (m.find()) {
        inline.add(m.group(1));
      }
    }
    String ci = Files.readString(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);

    assertThat(inline).hasSize(2);
    assertThat(inline.get(0)).isEqualTo("./vspc-licenses --demo list");
    assertThat(ci.strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo(inline.get(1));
  }

  @Test
  void theLauncherBuildsWithTheCommandTheCliReadmeNames() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String launcher = Files.readString(ROOT.resolve("vspc-licenses"), StandardCharsets.UTF_8);
    Matcher build = Pattern.compile("`(\\./mvnw -B -q [^`]+)`").matcher(readme);

    assertThat(build.find()).as("the build command in cli/README.md").isTrue();
    assertThat(launcher).contains(build.group(1));
  }

  /** The arguments of each line that runs vspc-licenses, as the shell would split them. */
  static List<List<String>> commands(String markdown) {
    List<List<String>> commands = new ArrayList<>();
    Matcher block = SH_BLOCK.matcher(markdown);
    while (block.find()) {
      for (String line : block.group(1).split("\n")) {
        List<String> words = ShellLines.words(line);
        if (!words.isEmpty() && words.get(0).matches("(\\./)?vspc-licenses")) {
          commands.add(words.subList(1, words.size()));
        }
      }
    }
    return commands;
  }
}

package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code vspc-licenses} command of docs/verify.md (the shell examples and the CI jobs) is run
 * as written against an emulator, so that the page cannot drift from the program. Only the server
 * (VSPC_URL, VSPC_TOKEN), relative files (made in a temp dir) and the emulator's port are the
 * test's own.
 */
class VerifyDocsTest {
  private static final Path PAGE = Path.of("docs/verify.md");
  private static final Pattern FENCE = Pattern.compile("```(sh|yaml)\\n(.*?)```", Pattern.DOTALL);
  private static final Set<String> FILE_OPTIONS =
      Set.of(
          "--junit",
          "--low-role-token-file",
          "--token-file",
          "--server-definition",
          "--ca-cert",
          "--output");

  /** A command line of the page: environment assignments, arguments, a stdout redirect. */
  record Command(Map<String, String> env, List<String> args, String redirect) {}

  static List<Command> commands() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    List<Command> commands = new ArrayList<>();
    Matcher block = FENCE.matcher(page);
    while (block.find()) {
      for (String line : block.group(2).replace("\\\n", " ").split("\n")) {
        int at = line.indexOf("vspc-licenses ");
        if (at < 0 || line.trim().startsWith("#")) {
          continue;
        }
        String prefix =
            line.substring(0, at)
                .replaceFirst("^\\s*(-\\s+|run:\\s+)?", "")
                .replace("./", "")
                .trim();
        String rest = line.substring(at + "vspc-licenses ".length()).replaceAll("\\s+#.*$", "");
        Map<String, String> env = new HashMap<>();
        for (String assignment : prefix.isEmpty() ? new String[0] : prefix.split("\\s+")) {
          String[] kv = assignment.split("=", 2);
          env.put(kv[0], kv[1]);
        }
        String redirect = null;
        int gt = rest.indexOf(" > ");
        if (gt >= 0) {
          redirect = rest.substring(gt + 3).trim();
          rest = rest.substring(0, gt);
        }
        commands.add(new Command(env, ShellLines.words(rest), redirect));
      }
    }
    return commands;
  }

  private static String document() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            VerifyDocsTest.class
                .getClassLoader()
                .getResourceAsStream("openapi/vspc-licensing-v3.yaml"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyVerifyCommandOfThePageRunsAsWritten(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("readonly.token"), Cli.READ_ONLY_TOKEN + "\n");
    Files.writeString(dir.resolve("vspc-swagger.json"), document());
    List<Command> verifies =
        commands().stream()
            .filter(c -> c.args().contains("verify") && !c.args().contains("--url"))
            .toList();
    assertThat(verifies).as("verify commands of the page").hasSizeGreaterThanOrEqualTo(7);
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .licenses(60)
            .token(Cli.TOKEN)
            .token(Cli.READ_ONLY_TOKEN, "Read-only User")
            .start()) {
      for (Command command : verifies) {
        Map<String, String> env = Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", Cli.TOKEN);
        Cli.Result r = Cli.run(env, ShellLines.inDir(command.args(), dir, FILE_OPTIONS));
        assertThat(r.code()).as(command + "\n" + r.all()).isZero();
        if (command.redirect() != null) {
          assertThat(r.out())
              .as(command.toString())
              .startsWith("{")
              .contains("\"outcome\" : \"conforms\"");
        } else {
          assertThat(r.out()).as(command.toString()).contains("\nCONFORMS - ");
        }
        if (command.args().contains("--junit")) {
          assertThat(Files.readString(dir.resolve("verify.xml"))).contains("<testsuites ");
        }
        if (command.args().contains("--low-role-token-file")) {
          assertThat(r.out()).contains("  PASS  auth.low-role: ");
        }
        if (command.args().contains("--server-definition")) {
          assertThat(r.out()).contains("  PASS  definition.operation: ");
        }
      }
    }
  }

  @Test
  void theTryItByHandExampleShowsTheBreaks() throws Exception {
    List<Command> commands = commands();
    Command emulator =
        commands.stream().filter(c -> c.args().get(0).equals("emulator")).findFirst().orElseThrow();
    Command verify = commands.get(commands.indexOf(emulator) + 1);
    List<String> args = new ArrayList<>(emulator.args());
    args.set(args.indexOf("--port") + 1, "0"); // tests bind free ports only
    try (EmulatorCommandTest.Running running =
        new EmulatorCommandTest.Running(args.toArray(String[]::new))) {
      assertThat(running.printed()).contains("contract breaks: null-in-non-nullable,total-changes");
      List<String> verifyArgs = new ArrayList<>(verify.args());
      verifyArgs.set(verifyArgs.indexOf("--url") + 1, running.url);
      Cli.Result r = Cli.run(verify.env(), verifyArgs.toArray(String[]::new));
      assertThat(r.code()).as(r.all()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "  FAIL  document.body: ",
              "  FAIL  paging.total-stable: ",
              "  PASS  auth.low-role: ");
    }
  }
}

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar, run as {@code java -jar}, as the script runs it. */
class JarIT {
  record Run(int code, String out, String err) {}

  static Run java(Map<String, String> env, String... args) throws Exception {
    return java(List.of(), env, args);
  }

  /** {@code export --format FORMAT} against {@code vspc} with {@code token}. */
  static Run export(VspcEmulator vspc, String token, String format) throws Exception {
    return java(
        Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", token), "export", "--format", format);
  }

  static Run java(List<String> jvmOptions, Map<String, String> env, String... args)
      throws Exception {
    Path jar = Path.of(System.getProperty("cli.jar", "target/vspc-licenses.jar"));
    assertThat(jar).exists();
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().remove("VSPC_URL");
      pb.environment().remove("VSPC_TOKEN");
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      Run run =
          new Run(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Cli.record(run.out());
      Cli.record(run.err());
      return run;
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // temp file
    }
  }

  @Test
  void demoListWorksFromTheJarWithoutLogNoise() throws Exception {
    Run r = java(Map.of(), "--demo", "list");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("COMPANY").endsWith("42 licences\n");
    assertThat(java(Map.of(), "--version").out()).startsWith("vspc-licenses ");
  }

  @Test
  void errorsAreOneLineWithExitCodesAndNoTokenOrStackTrace() throws Exception {
    try (VspcEmulator vspc = VspcEmulator.builder().token(Cli.TOKEN).licenses(12).start()) {
      Run denied = export(vspc, Cli.WRONG_TOKEN, "csv");
      assertThat(denied.code()).isEqualTo(1);
      assertThat(denied.out()).isEmpty();
      assertThat(denied.err()).startsWith("vspc-licenses: error: ").contains("HTTP 401");
      assertThat(denied.err().lines()).hasSize(1);

      Run ok = export(vspc, Cli.TOKEN, "ndjson");
      assertThat(ok.code()).isZero();
      assertThat(ok.out().lines()).hasSize(12);

      Run usage = java(Map.of(), "--page-size", "0", "list");
      assertThat(usage.code()).isEqualTo(2);
      Run unknown =
          java(Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", Cli.WRONG_TOKEN), "check");
      assertThat(unknown.code()).isEqualTo(3);
      assertThat(unknown.out()).startsWith("LICENSES UNKNOWN - ");
    }
  }

  /**
   * The jar holds verify's libraries (Pact, the validator, openapi-diff, Jackson): the other
   * commands load none of them, and a run builds only the command it names.
   */
  @Test
  void aCommandLoadsNeitherVerifysLibrariesNorTheOtherCommands(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    for (String command : List.of("list", "export", "check")) {
      Path log = dir.resolve(command + ".classes");
      Run run =
          java(
              List.of("-Xshare:off", "-Xlog:class+load=info:file=" + log),
              Map.of(),
              "--demo",
              command);
      assertThat(run.code()).as(run.err()).isIn(0, 1, 2); // check: WARNING or CRITICAL is fine
      List<String> loaded =
          Files.readAllLines(log).stream()
              .map(line -> line.replaceFirst("^.*\\] ", "").replaceFirst(" source: .*$", ""))
              .toList();
      assertThat(loaded)
          .as(command)
          .contains("dev.licensewatch.vspc.cli.Main")
          .noneMatch(
              c ->
                  c.startsWith("au.com.dius.pact.")
                      || c.startsWith("com.atlassian.")
                      || c.startsWith("org.openapitools.")
                      || c.startsWith("io.swagger.")
                      || c.startsWith("com.fasterxml.jackson.")
                      || c.startsWith("dev.licensewatch.vspc.verifier."));
      String own =
          "dev.licensewatch.vspc.cli."
              + Character.toUpperCase(command.charAt(0))
              + command.substring(1)
              + "Command";
      assertThat(
              loaded.stream()
                  .filter(c -> c.matches("dev\\.licensewatch\\.vspc\\.cli\\.[A-Za-z]+Command")))
          .as(command)
          .containsExactly(own);
    }
  }

  /**
   * verify from the jar: its libraries (the validator, Pact, openapi-diff) are shaded in and load
   * without log noise; a break exits 1, and the JUnit file is written.
   */
  @Test
  void verifyRunsFromTheJar(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Run demo = java(Map.of(), "--demo", "verify");
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.err()).isEmpty();
    assertThat(demo.out())
        .contains("  PASS  pact.a-request-for-a-middle-page-limit-100-offset-100: ")
        .contains("\nCONFORMS - ");
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .token(Cli.TOKEN)
            .licenses(30)
            .contractBreaks("date-without-offset")
            .start()) {
      Path junit = dir.resolve("verify.xml");
      Run broken =
          java(
              Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", Cli.TOKEN),
              "verify",
              "--junit",
              junit.toString());
      assertThat(broken.code()).as(broken.err()).isEqualTo(1);
      assertThat(broken.err()).isEmpty();
      assertThat(broken.out()).contains("  FAIL  document.date-times: ");
      assertThat(Files.readString(junit)).contains("a date-time without a UTC offset");
    }
  }
}

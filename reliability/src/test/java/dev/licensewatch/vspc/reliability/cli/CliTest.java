package dev.licensewatch.vspc.reliability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.cli.Main;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import dev.licensewatch.vspc.reliability.Figures;
import dev.licensewatch.vspc.reliability.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI through its in-process entry point ({@link Main#run}): usage errors are one line with
 * exit 2, the token never shows in stdout/stderr (verbose and failures included), TLS trust via
 * --ca-cert, and a warning for a token file others can read. Runs in the surefire execution without
 * slf4j-simple, because the CLI ships its own SLF4J provider.
 */
class CliTest {
  static VspcEmulator vspc;
  static VspcEmulator tls;
  static Path pem;
  static final AtomicInteger runs = new AtomicInteger();
  static final AtomicInteger usageRuns = new AtomicInteger();
  static final List<String> notes = new ArrayList<>();
  @TempDir static Path dir;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    vspc = VspcEmulator.builder().licenses(12).token(Secrets.TOKEN).start();
    pem = dir.resolve("vspc.pem");
    tls = VspcEmulator.builder().licenses(5).token(Secrets.TOKEN).tlsCertificatePem(pem).start();
  }

  @AfterAll
  static void stop() {
    vspc.close();
    tls.close();
    Figures.record(
        "cli",
        "CLI runs (usage errors, --verbose, failures, TLS, token file), "
            + "stdout+stderr scanned for the token",
        runs.get(),
        usageRuns.get() + " usage errors: one line, exit 2; " + String.join("; ", notes),
        true);
  }

  static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, env);
    }
    Result r =
        new Result(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    runs.incrementAndGet();
    Secrets.check(
        "CLI stdout of " + String.join(" ", args).replace(Secrets.TOKEN, "<token>"), r.out());
    Secrets.check(
        "CLI stderr of " + String.join(" ", args).replace(Secrets.TOKEN, "<token>"), r.err());
    return r;
  }

  static Result run(String... args) {
    return run(Map.of(), args);
  }

  private static void usage(String[] args) {
    Result r = run(args);
    usageRuns.incrementAndGet();
    String shown = String.join(" ", args).replace(Secrets.TOKEN, "<token>");
    assertThat(r.code()).as(shown + " -> " + r).isEqualTo(2);
    assertThat(r.err().strip()).as(shown).isNotEmpty();
    assertThat(r.err().strip().lines().count()).as(shown + ": one line: " + r.err()).isEqualTo(1);
    assertThat(r.out()).as(shown).isEmpty();
  }

  @Test
  void usageErrorsAreOneLineWithExitTwo() throws Exception {
    Path unreadable = dir.resolve("unreadable-token");
    Files.writeString(unreadable, Secrets.TOKEN);
    Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
    boolean root = Files.isReadable(unreadable); // root reads anything: skip that case then
    String url = vspc.baseUrl();
    List<String[]> cases =
        new ArrayList<>(
            List.of(
                new String[] {"--page-size", "0", "--url", url, "--token", Secrets.TOKEN, "list"},
                new String[] {"--page-size", "abc", "--url", url, "--token", Secrets.TOKEN, "list"},
                new String[] {
                  "--concurrency", "65", "--url", url, "--token", Secrets.TOKEN, "list"
                },
                new String[] {"--timeout", "0", "--url", url, "--token", Secrets.TOKEN, "list"},
                new String[] {"--bogus", "--url", url, "--token", Secrets.TOKEN, "list"},
                new String[] {"--url", url, "--token", Secrets.TOKEN, "list", "--bogus"},
                new String[] {"--url", url, "--token", Secrets.TOKEN, "frobnicate"},
                new String[] {"--url", "not a url", "--token", Secrets.TOKEN, "list"},
                new String[] {"--url", "ftp://vspc.example.com", "--token", Secrets.TOKEN, "list"},
                new String[] {
                  "--url", "http://vspc.example.com:1280", "--token", Secrets.TOKEN, "list"
                },
                new String[] {
                  "--url", url, "--token-file", dir.resolve("missing").toString(), "list"
                },
                new String[] {
                  "--url",
                  url,
                  "--token",
                  Secrets.TOKEN,
                  "--token-file",
                  unreadable.toString(),
                  "list"
                },
                new String[] {"--url", url, "--token", Secrets.TOKEN, "export", "--format", "yaml"},
                new String[] {
                  "--url",
                  url,
                  "--token",
                  Secrets.TOKEN,
                  "--ca-cert",
                  dir.resolve("nope.pem").toString(),
                  "list"
                },
                new String[] {"--url", url, "list"},
                new String[] {"--token", Secrets.TOKEN, "list"}));
    if (!root) {
      cases.add(new String[] {"--url", url, "--token-file", unreadable.toString(), "list"});
    }
    for (String[] args : cases) {
      usage(args);
    }
  }

  @Test
  void verboseSuccessAndFailuresNeverShowTheToken() {
    Result ok = run("--url", vspc.baseUrl(), "--token", Secrets.TOKEN, "--verbose", "list");
    assertThat(ok.code()).as(ok.toString()).isZero();
    assertThat(ok.err()).as("verbose output").isNotEmpty();
    Result env =
        run(
            Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", Secrets.TOKEN),
            "--verbose",
            "export",
            "--format",
            "csv");
    assertThat(env.code()).as(env.toString()).isZero();
    try (VspcEmulator other = VspcEmulator.builder().licenses(3).token("another-token").start()) {
      Result denied = run("--url", other.baseUrl(), "--token", Secrets.TOKEN, "--verbose", "list");
      assertThat(denied.code()).as(denied.toString()).isEqualTo(1);
      Result deniedCheck =
          run("--url", other.baseUrl(), "--token", Secrets.TOKEN, "--verbose", "check");
      assertThat(deniedCheck.code()).as(deniedCheck.toString()).isEqualTo(3);
    }
    try (VspcEmulator broken =
        VspcEmulator.builder().licenses(3).token(Secrets.TOKEN).faults("520@*").start()) {
      Result failed =
          run(
              "--url",
              broken.baseUrl(),
              "--token",
              Secrets.TOKEN,
              "--verbose",
              "--timeout",
              "2",
              "list");
      assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
    }
    notes.add("verbose success, 401, 520 and check outputs clean");
  }

  @Test
  void tlsNeedsTheCaCertAndOnlyThatOne() throws Exception {
    Result untrusted =
        run("--url", tls.baseUrl(), "--token", Secrets.TOKEN, "--timeout", "5", "list");
    assertThat(untrusted.code()).as(untrusted.toString()).isEqualTo(1);
    assertThat(untrusted.err()).containsIgnoringCase("TLS");
    Result trusted =
        run("--url", tls.baseUrl(), "--token", Secrets.TOKEN, "--ca-cert", pem.toString(), "list");
    assertThat(trusted.code()).as(trusted.toString()).isZero();
    Path other = dir.resolve("other.pem");
    Files.writeString(
        other,
        new okhttp3.tls.HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .build()
            .certificatePem());
    Result wrong =
        run(
            "--url",
            tls.baseUrl(),
            "--token",
            Secrets.TOKEN,
            "--ca-cert",
            other.toString(),
            "--timeout",
            "5",
            "list");
    assertThat(wrong.code()).as(wrong.toString()).isEqualTo(1);
    notes.add("TLS: untrusted exit 1, --ca-cert exit 0, other cert exit 1");
  }

  @Test
  void warnsWhenTheTokenFileIsReadableByOthers() throws Exception {
    Path open = dir.resolve("token-open");
    Files.writeString(open, Secrets.TOKEN + "\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Result warned = run("--url", vspc.baseUrl(), "--token-file", open.toString(), "list");
    assertThat(warned.code()).as(warned.toString()).isZero();
    assertThat(warned.err()).contains("warning:").contains("readable");
    Path closed = dir.resolve("token-closed");
    Files.writeString(closed, Secrets.TOKEN + "\n");
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));
    Result quiet = run("--url", vspc.baseUrl(), "--token-file", closed.toString(), "list");
    assertThat(quiet.code()).as(quiet.toString()).isZero();
    assertThat(quiet.err()).doesNotContain("readable");
    notes.add("token file 644 warned, 600 quiet");
  }
}

package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs the CLI in-process; every output is kept and scanned for tokens. */
final class Cli {
  /** Tokens used by the tests: none may ever appear in any output. */
  static final String TOKEN = "s3cr3t-T0ken-4-tests-0nly";

  static final String READ_ONLY_TOKEN = "r34d0nly-T0ken-4-tests";
  static final String WRONG_TOKEN = "wr0ng-T0ken-4-tests";
  static final List<String> SECRETS = List.of(TOKEN, READ_ONLY_TOKEN, WRONG_TOKEN);

  /** Everything any test printed, for the final scan. */
  static final List<String> ALL_OUTPUT = new CopyOnWriteArrayList<>();

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return run(Map.of(), args);
  }

  static Result run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  /** As if stderr were a terminal (progress lines). */
  static Result runOnTerminal(String... args) {
    return run(Map.of(), true, args);
  }

  private static Result run(Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = Main.run(args, o, e, new HashMap<>(env), terminal);
    Result r =
        new Result(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    record(r.out());
    record(r.err());
    return r;
  }

  static void record(String output) {
    ALL_OUTPUT.add(output);
    assertNoSecret(output);
  }

  static void assertNoSecret(String output) {
    for (String secret : SECRETS) {
      assertThat(output).doesNotContain(secret);
    }
  }

  /**
   * Global options for a walk of one request at a time in pages of 100, so that a fault at the
   * emulator's K-th request ({@code 520@K}) hits a known page; then {@code rest}.
   */
  static String[] pageByPage(String... rest) {
    String[] args = new String[rest.length + 4];
    args[0] = "--concurrency";
    args[1] = "1";
    args[2] = "--page-size";
    args[3] = "100";
    System.arraycopy(rest, 0, args, 4, rest.length);
    return args;
  }

  /** Global options for the emulator with {@link #TOKEN}. */
  static String[] against(String baseUrl, String... rest) {
    String[] args = new String[rest.length + 4];
    args[0] = "--url";
    args[1] = baseUrl;
    args[2] = "--token";
    args[3] = TOKEN;
    System.arraycopy(rest, 0, args, 4, rest.length);
    return args;
  }
}

package dev.licensewatch.vspc.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The streams, environment and secrets of one run. Everything written to stderr goes through
 * {@link #redact(String)}, so a token never shows, whatever an exception message contains.
 */
final class Io {
  static final String PROGRAM = "vspc-licenses";
  /** Shorter strings are not redacted: replacing "a" everywhere would garble every message. */
  private static final int MIN_SECRET_LENGTH = 3;

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  /** stderr is a terminal (progress is shown only then). */
  final boolean interactive;
  private final List<String> secrets = new CopyOnWriteArrayList<>();

  Io(PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.interactive = interactive;
  }

  @Nullable String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  void addSecret(@Nullable String secret) {
    if (secret == null) {
      return;
    }
    for (String s : new String[] {secret, secret.trim()}) {
      if (s.length() >= MIN_SECRET_LENGTH && !secrets.contains(s)) {
        secrets.add(s);
      }
    }
  }

  String redact(@Nullable String text) {
    if (text == null) {
      return "";
    }
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    String result = text;
    for (String secret : longestFirst) {
      result = result.replace(secret, "***");
    }
    return result;
  }

  /** {@code warning: <message>} on stderr. */
  void warn(String message) {
    printErr("warning: " + message);
  }

  /** {@code vspc-licenses: error: <cause>; <fix>} on stderr. */
  void error(String causeAndFix) {
    printErr(PROGRAM + ": error: " + oneLine(causeAndFix));
  }

  void printErr(String line) {
    String safe = redact(line);
    synchronized (err) {
      err.println(safe);
      err.flush();
    }
  }

  static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+\\s*", " ").trim();
  }
}

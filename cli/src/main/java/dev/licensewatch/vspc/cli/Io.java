package dev.licensewatch.vspc.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The streams, environment and secrets of one run. Everything written to stderr goes through {@link
 * #redact(String)}, so a token never shows, whatever an exception message contains.
 */
final class Io {
  static final String PROGRAM = "vspc-licenses";

  /** Shorter strings are not redacted: replacing "a" everywhere would garble every message. */
  private static final int MIN_SECRET_LENGTH = 3;

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;

  /** stderr is a terminal (progress is shown only then): {@link #stderrIsTerminal()}. */
  final boolean interactive;

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  Io(PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.interactive = interactive;
  }

  /**
   * Whether stderr is a terminal. {@code System.console() != null} alone is wrong both ways: on JDK
   * 17 to 21 it means stdin and stdout are terminals and never looks at stderr (so {@code
   * 2>run.log} would get progress lines), and from JDK 22 it returns a Console even when the
   * streams are redirected (JDK-8309155), which {@code Console.isTerminal()} (JDK 22+, called by
   * reflection as this compiles for 17) then tells. Where {@code /proc/self/fd/2} exists (Linux),
   * it names stderr itself, which must be a terminal device.
   */
  static boolean stderrIsTerminal() {
    Console console = System.console();
    return console != null
        && consoleIsTerminal(console)
        && isTerminalDevice(Path.of("/proc/self/fd/2"));
  }

  /** {@code Console.isTerminal()} where it exists (JDK 22+), else true. */
  private static boolean consoleIsTerminal(Console console) {
    Method isTerminal;
    try {
      isTerminal = Console.class.getMethod("isTerminal");
    } catch (NoSuchMethodException olderJdk) {
      return true;
    }
    try {
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * False when {@code fd} (a /proc/self/fd link) exists and does not point to /dev/pts/* or
   * /dev/tty* (a pipe, a file, /dev/null); true when there is no such link to look at.
   */
  static boolean isTerminalDevice(Path fd) {
    if (!Files.exists(fd, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      return namesTerminal(Files.readSymbolicLink(fd).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** Whether a file descriptor link's target, as /proc shows it, is a terminal device. */
  static boolean namesTerminal(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
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

package dev.licensewatch.vspc.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The suite's one token, and the scanner every captured output goes through: exception messages and
 * stack traces, {@code toString()}, CLI stdout/stderr and the log file.
 */
public final class Secrets {
  /** Distinctive, so that a hit can only be a leak. Every client in the suite uses it. */
  public static final String TOKEN = "rlb-TOKEN-5f1c9e07-do-not-print-a6d2";

  /** The part after the prefix: a leak of a fragment or a differently-cased copy. */
  private static final String FRAGMENT = "5f1c9e07-do-not-print-a6d2";

  private static final AtomicLong texts = new AtomicLong();
  private static final AtomicLong chars = new AtomicLong();
  private static final List<String> leaks = new CopyOnWriteArrayList<>();

  private Secrets() {}

  /** Fails (and remembers) when {@code text} holds the token or a recognisable part of it. */
  public static void check(String where, String text) {
    if (text == null) {
      return;
    }
    texts.incrementAndGet();
    chars.addAndGet(text.length());
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains(FRAGMENT.toLowerCase(java.util.Locale.ROOT))) {
      leaks.add(where);
      throw new AssertionError("the token leaked into " + where + ": " + text);
    }
  }

  /** Checks the message, toString() and full stack trace (causes included) of a throwable. */
  public static void check(String where, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    check(where + " (exception)", String.valueOf(t.getMessage()) + "\n" + t + "\n" + trace);
  }

  public static long textsScanned() {
    return texts.get();
  }

  public static long charsScanned() {
    return chars.get();
  }

  public static List<String> leaks() {
    return List.copyOf(leaks);
  }
}

package dev.licensewatch.vspc.verifier;

import java.util.List;

/** Small text helpers for reports. */
final class Text {
  static final int MAX_VALUE = 120;
  static final int MAX_MESSAGE = 400;

  private Text() {}

  /** One line of at most {@value #MAX_VALUE} characters: a value the server sent. */
  static String shorten(String text) {
    return shorten(text, MAX_VALUE);
  }

  /** One line of at most {@value #MAX_MESSAGE} characters: a message about what was found. */
  static String message(String text) {
    return shorten(text, MAX_MESSAGE);
  }

  private static String shorten(String text, int max) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ");
    return line.length() > max ? line.substring(0, max - 3) + "..." : line;
  }

  /** The first few names, and how many more. */
  static String some(java.util.Collection<String> names, int shown) {
    List<String> all = List.copyOf(names);
    return all.size() <= shown
        ? String.join(", ", all)
        : String.join(", ", all.subList(0, shown)) + " and " + (all.size() - shown) + " more";
  }

  static String quote(String value) {
    return "'" + shorten(value) + "'";
  }

  static String plural(long n, String noun) {
    return n
        + " "
        + (n == 1
            ? noun
            : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
  }
}

package dev.licensewatch.vspc.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CHANGELOG.md (Keep a Changelog): the {@code ## [Unreleased]} section is where every change to
 * the document since the last release must be listed before it is released.
 */
final class Changelog {
  private static final String UNRELEASED = "## [Unreleased]";

  private final List<String> unreleased;

  private Changelog(List<String> unreleased) {
    this.unreleased = unreleased;
  }

  static Changelog read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Changelog parse(String text) {
    List<String> lines = text.lines().toList();
    int start = lines.indexOf(UNRELEASED);
    if (start < 0) {
      throw new IllegalArgumentException("CHANGELOG.md has no '" + UNRELEASED + "' section");
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    return new Changelog(lines.subList(start + 1, end));
  }

  /** True when one line of the unreleased section names every token, each in backquotes. */
  boolean mentions(List<String> tokens) {
    return unreleased.stream()
        .anyMatch(line -> tokens.stream().allMatch(t -> line.contains("`" + t + "`")));
  }
}

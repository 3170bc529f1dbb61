package dev.licensewatch.vspc.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CHANGELOG.md (Keep a Changelog): every change to the document since the last release must be
 * listed under {@code ## [Unreleased]}, or, once the release is being made, under the heading of
 * the version being built ({@code ## [1.1.0] - 2027-01-15}).
 */
final class Changelog {
  private static final String UNRELEASED = "## [Unreleased]";

  private final List<String> lines;

  private Changelog(List<String> lines) {
    this.lines = lines;
  }

  static Changelog read(Path file, Version current) {
    try {
      return parse(Files.readString(file), current);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines under [Unreleased] and under the heading of {@code current}'s release. */
  static Changelog parse(String text, Version current) {
    List<String> all = text.lines().toList();
    if (!all.contains(UNRELEASED)) {
      throw new IllegalArgumentException("CHANGELOG.md has no '" + UNRELEASED + "' section");
    }
    String release = "## [" + current.release() + "]";
    List<String> listed = new ArrayList<>();
    boolean inside = false;
    for (String line : all) {
      if (line.startsWith("## ")) {
        inside = line.equals(UNRELEASED) || line.equals(release) || line.startsWith(release + " ");
      } else if (inside) {
        listed.add(line);
      }
    }
    return new Changelog(listed);
  }

  /** True when one line of those sections names every token, each in backquotes. */
  boolean mentions(List<String> tokens) {
    return lines.stream()
        .anyMatch(line -> tokens.stream().allMatch(t -> line.contains("`" + t + "`")));
  }
}

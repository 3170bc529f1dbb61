package dev.licensewatch.vspc.verifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tokens of a run: never part of a report, whatever a server echoes back. */
final class Secrets {
  /** Shorter values are not replaced: "a" everywhere would garble the report. */
  private static final int MIN_LENGTH = 4;

  private final List<String> values = new ArrayList<>();

  Secrets add(@Nullable String secret) {
    if (secret != null && secret.trim().length() >= MIN_LENGTH) {
      values.add(secret.trim());
      values.sort(Comparator.comparingInt(String::length).reversed());
    }
    return this;
  }

  String redact(String text) {
    String result = text;
    for (String secret : values) {
      result = result.replace(secret, "***");
    }
    return result;
  }

  @Nullable String redactOrNull(@Nullable String text) {
    return text == null ? null : redact(text);
  }
}

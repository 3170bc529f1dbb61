package dev.licensewatch.vspc.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A settings file: a properties file read by typed getters. It remembers what was read, so a
 * misspelt key fails instead of being ignored.
 */
final class SettingsFile {
  private final String resource;
  private final Properties values;
  private final Set<String> read = new HashSet<>();

  private SettingsFile(String resource, Properties values) {
    this.resource = resource;
    this.values = values;
  }

  static SettingsFile read(String resource) {
    try (InputStream in = SettingsFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no settings file " + resource + " on the classpath");
      }
      Properties values = new Properties();
      values.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new SettingsFile(resource, values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read settings file " + resource, e);
    }
  }

  String text(String key) {
    String value = values.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(resource + ": " + key + " is missing");
    }
    read.add(key);
    return value.strip();
  }

  int intValue(String key) {
    return parse(key, text(key), Integer::parseInt);
  }

  long longValue(String key) {
    return parse(key, text(key), Long::parseLong);
  }

  boolean bool(String key) {
    String value = text(key);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          resource + ": " + key + " must be true or false: " + value);
    }
    return Boolean.parseBoolean(value);
  }

  /** A comma-separated list of whole numbers, e.g. {@code 1,2,4}. */
  List<Integer> intList(String key) {
    String value = text(key);
    return Arrays.stream(value.split(","))
        .map(v -> parse(key, v.strip(), Integer::valueOf))
        .toList();
  }

  /** Fails naming every key the file holds that no getter asked for. */
  void requireAllRead() {
    Set<String> unread = new TreeSet<>(values.stringPropertyNames());
    unread.removeAll(read);
    if (!unread.isEmpty()) {
      throw new IllegalArgumentException(resource + ": unknown keys " + unread);
    }
  }

  private <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          resource + ": " + key + " must be a whole number: " + value, e);
    }
  }
}

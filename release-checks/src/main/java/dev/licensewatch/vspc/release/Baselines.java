package dev.licensewatch.vspc.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of released baselines, one subdirectory per released version ({@code
 * <dir>/1.0.0/<file>}); what a build is compared with is the newest one not newer than the version
 * being built.
 */
record Baselines(Path dir, String fileName) {

  /** The newest released version up to {@code current}'s release, if any was captured. */
  Optional<Version> latest(Version current) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(p -> Files.isRegularFile(p.resolve(fileName)))
          .map(p -> p.getFileName().toString())
          .filter(Version::isVersion)
          .map(Version::parse)
          .filter(v -> v.compareTo(current.release()) <= 0)
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(Version version) {
    return dir.resolve(version.release().toString()).resolve(fileName);
  }

  String read(Version version) {
    try {
      return Files.readString(file(version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

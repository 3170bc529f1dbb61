package dev.licensewatch.vspc.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** API lists on disk: a comment header, then one line per element of the public API. */
final class ApiLists {
  private ApiLists() {}

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, List<String> api, String header) {
    List<String> lines = new ArrayList<>();
    header.lines().forEach(l -> lines.add("# " + l));
    lines.addAll(api);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String CURRENT_HEADER =
      """
      The public API of vspc-licensing-client, as the build reads it from the jar (japicmp).
      The build fails when the jar differs from this list. To record an intended change:
        ./mvnw -B verify -Dapi.accept=true""";

  static String releasedHeader(Version version) {
    return "The public API of vspc-licensing-client " + version + " as released: do not edit.";
  }
}

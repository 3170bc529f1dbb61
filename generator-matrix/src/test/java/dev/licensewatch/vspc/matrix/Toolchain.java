package dev.licensewatch.vspc.matrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a language's own tools (tsc, node, python3, go, npm) as child processes. */
final class Toolchain {

  /** A tool is missing: the language is skipped, or fails when every language is required. */
  static final class Missing extends Exception {
    private static final long serialVersionUID = 1L;

    Missing(String reason) {
      super(reason);
    }
  }

  private Toolchain() {}

  /** Runs a command to completion; returns its output, or throws with it when it fails. */
  static String run(Path directory, Map<String, String> environment, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(directory, "process", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + process.exitValue()
              + " in "
              + directory
              + ":\n"
              + output);
    }
    return output;
  }

  /** The first line a tool prints about its version, or Missing saying what to install. */
  static String version(Path directory, String install, String... command) throws Missing {
    try {
      return run(directory, Map.of(), List.of(command)).lines().findFirst().orElse("").trim();
    } catch (IOException | IllegalStateException e) {
      throw new Missing(
          "'"
              + String.join(" ", command)
              + "' failed ("
              + firstLine(e.getMessage())
              + "); "
              + install);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Missing("interrupted");
    }
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}

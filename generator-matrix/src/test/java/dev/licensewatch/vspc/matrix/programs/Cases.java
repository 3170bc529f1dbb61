package dev.licensewatch.vspc.matrix.programs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The loop every JVM round-trip program shares: the cases file has one line per corpus body,
 * {@code schema TAB input TAB output}; a program decodes the input with the generated model of
 * that schema and writes it back with the generated serializer to the output, or writes what
 * went wrong to output + ".error". The programs in other languages follow the same contract.
 */
public final class Cases {

  /** Decodes a body with one generated model and encodes it again. */
  @FunctionalInterface
  public interface RoundTrip {
    String apply(String schema, String json) throws Exception;
  }

  private Cases() {}

  public static void run(Path casesFile, RoundTrip roundTrip) throws IOException {
    for (String line : Files.readAllLines(casesFile, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t");
      Path input = Path.of(fields[1]);
      Path output = Path.of(fields[2]);
      try {
        String json = roundTrip.apply(fields[0], Files.readString(input, StandardCharsets.UTF_8));
        Files.writeString(output, json, StandardCharsets.UTF_8);
      } catch (Exception | LinkageError e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Files.writeString(Path.of(output + ".error"), trace.toString(), StandardCharsets.UTF_8);
      }
    }
  }

  public static IllegalArgumentException unknownSchema(String schema) {
    return new IllegalArgumentException("no round trip for schema " + schema);
  }
}

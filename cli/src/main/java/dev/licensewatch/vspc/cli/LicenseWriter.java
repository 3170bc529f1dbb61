package dev.licensewatch.vspc.cli;

import com.squareup.moshi.JsonWriter;
import dev.licensewatch.vspc.client.generated.model.BackupServerLicense;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Writes licences one at a time to a sink, so any number can be exported with constant memory.
 */
abstract class LicenseWriter {
  protected final BufferedSink sink;
  protected long count;
  private boolean started;

  LicenseWriter(BufferedSink sink) {
    this.sink = sink;
  }

  static LicenseWriter of(Format format, BufferedSink sink) {
    return switch (format) {
      case JSON -> new JsonArray(sink);
      case NDJSON -> new NdJson(sink);
      case CSV -> new Csv(sink);
    };
  }

  /** Starts the output (say the JSON array's {@code [}); from here on a failure leaves it cut. */
  final void start() throws IOException {
    started = true;
    begin();
  }

  /** Whether {@link #start()} ran: something may have been written. */
  boolean started() {
    return started;
  }

  abstract void begin() throws IOException;

  abstract void write(BackupServerLicense licence) throws IOException;

  abstract void end() throws IOException;

  long count() {
    return count;
  }

  /**
   * Licences as JSON objects: one JSON writer for all of them (a new writer per licence showed
   * in profiles of large exports), writing into a buffer of its own that moves into the sink
   * after each licence (segments change hands, nothing is copied), since every small write
   * into the sink itself checks whether a segment is complete. Each licence is a top-level
   * value of its own, which Moshi allows a lenient writer.
   */
  private abstract static class JsonObjects extends LicenseWriter {
    private final Buffer buffer = new Buffer();
    private final JsonWriter json = JsonWriter.of(buffer);

    JsonObjects(BufferedSink sink) {
      super(sink);
      json.setLenient(true);
      json.setSerializeNulls(true); // as Values.LICENSE writes them
    }

    final void writeObject(BackupServerLicense licence) throws IOException {
      Values.LICENSE.toJson(json, licence);
      sink.write(buffer, buffer.size());
    }
  }

  /** {@code [} one compact object per line {@code ]}: valid JSON that diffs and greps well. */
  static final class JsonArray extends JsonObjects {
    JsonArray(BufferedSink sink) {
      super(sink);
    }

    @Override
    void begin() throws IOException {
      sink.writeUtf8("[");
    }

    @Override
    void write(BackupServerLicense licence) throws IOException {
      sink.writeUtf8(count == 0 ? "\n" : ",\n");
      writeObject(licence);
      count++;
    }

    @Override
    void end() throws IOException {
      sink.writeUtf8(count == 0 ? "]\n" : "\n]\n");
    }
  }

  /** One JSON object per line. */
  static final class NdJson extends JsonObjects {
    NdJson(BufferedSink sink) {
      super(sink);
    }

    @Override
    void begin() {}

    @Override
    void write(BackupServerLicense licence) throws IOException {
      writeObject(licence);
      sink.writeUtf8("\n");
      count++;
    }

    @Override
    void end() {}
  }

  /**
   * RFC 4180: CRLF line ends, a header of the API's property names in the document's order,
   * fields quoted when they hold a comma, quote, CR or LF; lists joined with {@code ;}; null as
   * an empty field. Values are what the JSON adapter writes (API names, canonical enum values,
   * ISO date-times), so both formats follow the same rules.
   */
  static final class Csv extends LicenseWriter {
    /**
     * The API's property names in the document's order, as the JSON adapter writes them (with
     * nulls, every property appears), so the header cannot drift from the JSON output.
     */
    static final List<String> COLUMNS = columns();

    private static List<String> columns() {
      try {
        BackupServerLicense bare = Values.LICENSE.fromJson("{\"autoUpdateEnabled\":false}");
        Map<?, ?> written = (Map<?, ?>) Values.LICENSE.toJsonValue(bare);
        return written.keySet().stream().map(String::valueOf).toList();
      } catch (IOException e) {
        throw new IllegalStateException("the licence adapter cannot read a bare licence", e);
      }
    }

    Csv(BufferedSink sink) {
      super(sink);
    }

    @Override
    void begin() throws IOException {
      for (int i = 0; i < COLUMNS.size(); i++) {
        field(i, COLUMNS.get(i));
      }
      sink.writeUtf8("\r\n");
    }

    @Override
    void write(BackupServerLicense licence) throws IOException {
      Map<?, ?> values = (Map<?, ?>) Values.LICENSE.toJsonValue(licence);
      for (int i = 0; i < COLUMNS.size(); i++) {
        field(i, text(values.get(COLUMNS.get(i))));
      }
      sink.writeUtf8("\r\n");
      count++;
    }

    @Override
    void end() {}

    private void field(int index, String value) throws IOException {
      if (index > 0) {
        sink.writeByte(',');
      }
      if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0
          && value.indexOf('\n') < 0) {
        sink.writeUtf8(value);
      } else {
        sink.writeByte('"').writeUtf8(value.replace("\"", "\"\"")).writeByte('"');
      }
    }

    /** A JSON value as text: numbers without ".0", lists joined with ';', null as empty. */
    static String text(@Nullable Object value) {
      if (value == null) {
        return "";
      }
      if (value instanceof Double d) {
        return Values.number(d);
      }
      if (value instanceof List<?> list) {
        return list.stream().map(Csv::text).collect(Collectors.joining(";"));
      }
      return value.toString();
    }
  }
}

package dev.licensewatch.vspc.cli;

import com.squareup.moshi.JsonWriter;
import dev.licensewatch.vspc.client.BackupServerLicense;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/** Writes licences one at a time to a sink, so any number can be exported with constant memory. */
abstract class LicenseWriter {
  protected final BufferedSink sink;

  /** The properties written, by their API names: every one, or those of {@code --columns}. */
  protected final List<String> columns;

  private final boolean allColumns;
  protected long count;
  private boolean started;

  /** Where {@link #writeObject} writes a licence, before it moves into the sink. */
  private final Buffer object = new Buffer();

  private final JsonWriter json = JsonWriter.of(object);

  LicenseWriter(BufferedSink sink, List<String> columns) {
    this.sink = sink;
    this.allColumns = columns.isEmpty();
    this.columns = allColumns ? BackupServerLicense.PROPERTIES : List.copyOf(columns);
    // Each licence is a top-level value of its own, which Moshi allows a lenient writer.
    json.setLenient(true);
    json.setSerializeNulls(true); // as Values.LICENSE and Values.OBJECT write them
  }

  /** A writer of these columns (API property names, in this order); empty for every one. */
  static LicenseWriter of(Format format, BufferedSink sink, List<String> columns) {
    return switch (format) {
      case JSON -> new JsonArray(sink, columns);
      case NDJSON -> new NdJson(sink, columns);
      case CSV -> new Csv(sink, columns);
    };
  }

  /**
   * One licence as a JSON object of the columns, with the values the JSON adapter writes. One JSON
   * writer serves the whole run (a new one per licence showed in profiles of large exports),
   * writing into a buffer of its own that then moves into the sink (segments change hands, nothing
   * is copied): every small write into the sink itself would check whether a segment is complete.
   */
  protected void writeObject(BackupServerLicense license) throws IOException {
    if (allColumns) {
      Values.LICENSE.toJson(json, license);
    } else {
      Map<?, ?> values = (Map<?, ?>) Values.LICENSE.toJsonValue(license);
      Map<String, @Nullable Object> picked = new LinkedHashMap<>();
      for (String column : columns) {
        picked.put(column, values.get(column));
      }
      Values.OBJECT.toJson(json, picked);
    }
    sink.write(object, object.size());
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

  abstract void write(BackupServerLicense license) throws IOException;

  abstract void end() throws IOException;

  long count() {
    return count;
  }

  /** {@code [} one compact object per line {@code ]}: valid JSON that diffs and greps well. */
  static final class JsonArray extends LicenseWriter {
    JsonArray(BufferedSink sink, List<String> columns) {
      super(sink, columns);
    }

    @Override
    void begin() throws IOException {
      sink.writeUtf8("[");
    }

    @Override
    void write(BackupServerLicense license) throws IOException {
      sink.writeUtf8(count == 0 ? "\n" : ",\n");
      writeObject(license);
      count++;
    }

    @Override
    void end() throws IOException {
      sink.writeUtf8(count == 0 ? "]\n" : "\n]\n");
    }
  }

  /** One JSON object per line. */
  static final class NdJson extends LicenseWriter {
    NdJson(BufferedSink sink, List<String> columns) {
      super(sink, columns);
    }

    @Override
    void begin() {}

    @Override
    void write(BackupServerLicense license) throws IOException {
      writeObject(license);
      sink.writeUtf8("\n");
      count++;
    }

    @Override
    void end() {}
  }

  /**
   * RFC 4180: CRLF line ends, a header of the columns (the API's property names in the document's
   * order, or those of {@code --columns}), fields quoted when they hold a comma, quote, CR or LF;
   * lists joined with {@code ;}; null as an empty field. Values are what the JSON adapter writes
   * (API names, canonical enum values, ISO date-times), so both formats follow the same rules.
   */
  static final class Csv extends LicenseWriter {
    Csv(BufferedSink sink, List<String> columns) {
      super(sink, columns);
    }

    @Override
    void begin() throws IOException {
      for (int i = 0; i < columns.size(); i++) {
        field(i, columns.get(i));
      }
      sink.writeUtf8("\r\n");
    }

    @Override
    void write(BackupServerLicense license) throws IOException {
      Map<?, ?> values = (Map<?, ?>) Values.LICENSE.toJsonValue(license);
      for (int i = 0; i < columns.size(); i++) {
        field(i, text(values.get(columns.get(i))));
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
      if (value.indexOf(',') < 0
          && value.indexOf('"') < 0
          && value.indexOf('\r') < 0
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

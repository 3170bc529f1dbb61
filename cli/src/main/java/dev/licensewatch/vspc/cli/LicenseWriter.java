package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.generated.model.BackupServerLicense;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Writes licences one at a time to a sink, so any number can be exported with constant memory.
 */
abstract class LicenseWriter {
  protected final BufferedSink sink;
  protected long count;

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

  abstract void start() throws IOException;

  abstract void write(BackupServerLicense licence) throws IOException;

  abstract void end() throws IOException;

  long count() {
    return count;
  }

  /** {@code [} one compact object per line {@code ]}: valid JSON that diffs and greps well. */
  static final class JsonArray extends LicenseWriter {
    JsonArray(BufferedSink sink) {
      super(sink);
    }

    @Override
    void start() throws IOException {
      sink.writeUtf8("[");
    }

    @Override
    void write(BackupServerLicense licence) throws IOException {
      sink.writeUtf8(count == 0 ? "\n" : ",\n");
      Values.LICENSE.toJson(sink, licence);
      count++;
    }

    @Override
    void end() throws IOException {
      sink.writeUtf8(count == 0 ? "]\n" : "\n]\n");
    }
  }

  /** One JSON object per line. */
  static final class NdJson extends LicenseWriter {
    NdJson(BufferedSink sink) {
      super(sink);
    }

    @Override
    void start() {}

    @Override
    void write(BackupServerLicense licence) throws IOException {
      Values.LICENSE.toJson(sink, licence);
      sink.writeUtf8("\n");
      count++;
    }

    @Override
    void end() {}
  }

  /**
   * RFC 4180: CRLF line ends, a header of the API's property names in the document's order,
   * fields quoted when they hold a comma, quote, CR or LF; lists joined with {@code ;}; null as
   * an empty field.
   */
  static final class Csv extends LicenseWriter {
    /** The record's components are the document's properties, in the document's order. */
    static final List<RecordComponent> COLUMNS =
        List.of(BackupServerLicense.class.getRecordComponents());

    Csv(BufferedSink sink) {
      super(sink);
    }

    static List<String> header() {
      return COLUMNS.stream().map(RecordComponent::getName).toList();
    }

    @Override
    void start() throws IOException {
      row(header());
    }

    @Override
    void write(BackupServerLicense licence) throws IOException {
      List<String> fields = new ArrayList<>(COLUMNS.size());
      for (RecordComponent c : COLUMNS) {
        fields.add(text(value(c, licence)));
      }
      row(fields);
      count++;
    }

    @Override
    void end() {}

    private void row(List<String> fields) throws IOException {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          sink.writeUtf8(",");
        }
        sink.writeUtf8(quote(fields.get(i)));
      }
      sink.writeUtf8("\r\n");
    }

    static String quote(String field) {
      if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0
          && field.indexOf('\n') < 0) {
        return field;
      }
      return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static @Nullable Object value(RecordComponent c, BackupServerLicense licence) {
      try {
        return c.getAccessor().invoke(licence);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName(), e);
      }
    }

    /** Extensible enums print their value(); lists join with ';'. */
    static String text(@Nullable Object value) {
      if (value == null) {
        return "";
      }
      if (value instanceof Double d) {
        return Values.number(d);
      }
      if (value instanceof OffsetDateTime t) {
        return Values.dateTime(t);
      }
      if (value instanceof Collection<?> list) {
        StringBuilder b = new StringBuilder();
        for (Object element : list) {
          if (b.length() > 0) {
            b.append(';');
          }
          b.append(text(element));
        }
        return b.toString();
      }
      return value.toString();
    }
  }
}

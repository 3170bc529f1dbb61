package dev.licensewatch.vspc.client.generated.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Shared support of the generated adapters: leaf types read with their exact JSON type, and every
 * violation either thrown (strict) or handed to the reader's {@link ViolationSink} (lenient).
 */
final class ModelJson {

  private ModelJson() {}

  /** Adds the leaf adapters (strict JSON types, UUID, OffsetDateTime, lists) once. */
  static Moshi withLeafAdapters(Moshi moshi) {
    return moshi.newBuilder().add(LEAF_FACTORY).build();
  }

  /** A defensive, unmodifiable copy; list elements are never null. */
  static <T> @Nullable List<T> immutable(@Nullable List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /** Reads one property value, handling null according to the document. */
  static <T> @Nullable T read(JsonReader reader, JsonAdapter<T> adapter, boolean nullable)
      throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      if (!nullable) {
        report(reader, consumedPath(reader), "must not be null");
      }
      return null;
    }
    return adapter.fromJson(reader);
  }

  /** The value at the reader is of the wrong JSON type. Skips it when lenient. */
  static <T> @Nullable T mismatch(JsonReader reader, String expected) throws IOException {
    JsonReader.Token actual = reader.peek();
    String message = "expected " + expected + " but was " + actual;
    report(reader, reader.getPath(), message);
    reader.skipValue();
    return null;
  }

  /** A value of the right JSON type that is not valid, already consumed. */
  static void invalid(JsonReader reader, String message) {
    report(reader, consumedPath(reader), message);
  }

  /**
   * Called before {@code endObject()}, while the reader's path still names the last member.
   * Inside a resource (an identified object, see {@link #openScope}), a property the request did
   * not select is not missing: the sink says which ones it expects.
   */
  static void missing(JsonReader reader, String property) {
    Scope scope = reader.tag(Scope.class);
    ViolationSink sink = reader.tag(ViolationSink.class);
    if (scope != null && scope.depth > 0 && sink != null && !sink.expects(property)) {
      return;
    }
    String path = reader.getPath();
    int dot = path.lastIndexOf('.');
    report(reader, (dot > 0 ? path.substring(0, dot) : path) + "." + property,
        "required property is missing");
  }

  /** The path of the value just consumed: Moshi has already moved an array index past it. */
  private static String consumedPath(JsonReader reader) {
    String path = reader.getPath();
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      try {
        int index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
        return path.substring(0, open + 1) + Math.max(0, index - 1) + "]";
      } catch (NumberFormatException e) {
        return path;
      }
    }
    return path;
  }

  private static void report(JsonReader reader, String path, String message) {
    Scope scope = reader.tag(Scope.class);
    if (scope != null && scope.depth > 0) {
      scope.add(path, message);
      return;
    }
    ViolationSink sink = reader.tag(ViolationSink.class);
    if (sink == null) {
      throw new JsonDataException(message + " at " + path);
    }
    sink.violation(path, message, null);
  }

  static JsonDataException withIdentity(JsonDataException e, String property, @Nullable Object id) {
    if (id == null) {
      return e;
    }
    if (e.getMessage() != null && e.getMessage().contains("(licence ")) {
      return e;
    }
    JsonDataException withId =
        new JsonDataException(e.getMessage() + " (licence " + property + " " + id + ")");
    withId.initCause(e);
    return withId;
  }

  /**
   * Collects the violations inside one identified object (a licence), so that they are reported
   * with its identity even when the identifying property comes after the faulty one. One scope
   * per reader, reused for every object: nothing is allocated unless something is wrong.
   */
  static Scope openScope(JsonReader reader) {
    Scope scope = reader.tag(Scope.class);
    if (scope == null) {
      scope = new Scope(reader);
      reader.setTag(Scope.class, scope);
    }
    scope.depth++;
    return scope;
  }

  static final class Scope {
    private final JsonReader reader;
    private int depth;
    private @Nullable List<String[]> pending;

    private Scope(JsonReader reader) {
      this.reader = reader;
    }

    void add(String path, String message) {
      if (pending == null) {
        pending = new ArrayList<>(2);
      }
      pending.add(new String[] {path, message});
    }

    void close(String property, @Nullable Object id) {
      depth--;
      if (pending == null || depth > 0) {
        return;
      }
      List<String[]> violations = pending;
      pending = null;
      String identity = id == null ? null : property + " " + id;
      ViolationSink sink = reader.tag(ViolationSink.class);
      for (String[] violation : violations) {
        if (sink == null) {
          // Strict without a sink: the first violation, now with the licence it belongs to.
          throw new JsonDataException(violation[1] + " at " + violation[0]
              + (identity == null ? "" : " (licence " + identity + ")"));
        }
        sink.violation(violation[0], violation[1], identity);
      }
    }
  }

  private static final JsonAdapter<String> STRING =
      new Leaf<>("a string", JsonReader.Token.STRING) {
        @Override
        String read(JsonReader reader) throws IOException {
          return reader.nextString();
        }

        @Override
        void write(JsonWriter writer, String value) throws IOException {
          writer.value(value);
        }
      };

  private static final JsonAdapter<Boolean> BOOLEAN =
      new Leaf<>("a boolean", JsonReader.Token.BOOLEAN) {
        @Override
        Boolean read(JsonReader reader) throws IOException {
          return reader.nextBoolean();
        }

        @Override
        void write(JsonWriter writer, Boolean value) throws IOException {
          writer.value(value.booleanValue());
        }
      };

  private static final JsonAdapter<Double> DOUBLE =
      new Leaf<>("a number", JsonReader.Token.NUMBER) {
        @Override
        @Nullable
        Double read(JsonReader reader) throws IOException {
          String literal = reader.nextString();
          double value;
          try {
            value = Double.parseDouble(literal);
          } catch (NumberFormatException e) {
            invalid(reader, "not a number: " + abbreviate(literal));
            return null;
          }
          if (Double.isInfinite(value)) {
            invalid(reader, "number out of range: " + abbreviate(literal));
            return null;
          }
          return value;
        }

        @Override
        void write(JsonWriter writer, Double value) throws IOException {
          writer.value(value.doubleValue());
        }
      };

  private static final JsonAdapter<Integer> INTEGER =
      new Leaf<>("an integer", JsonReader.Token.NUMBER) {
        @Override
        @Nullable
        Integer read(JsonReader reader) throws IOException {
          String literal = reader.nextString();
          try {
            return Integer.valueOf(literal);
          } catch (NumberFormatException e) {
            invalid(reader, "not a 32-bit integer: " + abbreviate(literal));
            return null;
          }
        }

        @Override
        void write(JsonWriter writer, Integer value) throws IOException {
          writer.value(value.longValue());
        }
      };

  private static final JsonAdapter<UUID> UUID_ADAPTER =
      new Leaf<>("a UUID string", JsonReader.Token.STRING) {
        @Override
        @Nullable
        UUID read(JsonReader reader) throws IOException {
          String text = reader.nextString();
          if (!isUuid(text)) {
            invalid(reader, "not a UUID: " + abbreviate(text));
            return null;
          }
          return UUID.fromString(text);
        }

        @Override
        void write(JsonWriter writer, UUID value) throws IOException {
          writer.value(value.toString());
        }
      };

  private static final JsonAdapter<OffsetDateTime> DATE_TIME =
      new Leaf<>("a date-time string", JsonReader.Token.STRING) {
        @Override
        @Nullable
        OffsetDateTime read(JsonReader reader) throws IOException {
          String text = reader.nextString();
          try {
            OffsetDateTime fast = parseDateTime(text);
            if (fast != null) {
              return fast;
            }
            // ISO_OFFSET_DATE_TIME takes 0 to 9 fractional digits (VSPC sends 7) and keeps the offset.
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
          } catch (java.time.DateTimeException e) {
            invalid(reader, "not a date-time with an offset: " + abbreviate(text));
            return null;
          }
        }

        @Override
        void write(JsonWriter writer, OffsetDateTime value) throws IOException {
          writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
      };

  private static final JsonAdapter.Factory LEAF_FACTORY =
      (type, annotations, moshi) -> {
        if (!annotations.isEmpty()) {
          return null;
        }
        if (type == String.class) {
          return STRING;
        } else if (type == Boolean.class || type == boolean.class) {
          return BOOLEAN;
        } else if (type == Double.class || type == double.class) {
          return DOUBLE;
        } else if (type == Integer.class || type == int.class) {
          return INTEGER;
        } else if (type == UUID.class) {
          return UUID_ADAPTER;
        } else if (type == OffsetDateTime.class) {
          return DATE_TIME;
        } else if (type instanceof ParameterizedType
            && Types.getRawType(type) == List.class) {
          Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
          return new ListAdapter<>(moshi.adapter(element));
        }
        return null;
      };

  /**
   * The shape servers send, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)}, parsed by hand:
   * DateTimeFormatter costs more than the rest of a licence. Returns null for any other shape
   * (the formatter then decides); out-of-range fields throw DateTimeException.
   */
  static @Nullable OffsetDateTime parseDateTime(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        nanos = nanos * 10 + (t.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    java.time.ZoneOffset offset;
    if (i == n - 1 && t.charAt(i) == 'Z') {
      offset = java.time.ZoneOffset.UTC;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int oh = digits(t, i + 1, 2);
      int om = digits(t, i + 4, 2);
      if ((oh | om) < 0) {
        return null;
      }
      int sign = t.charAt(i) == '-' ? -1 : 1;
      offset = java.time.ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
    } else {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
  }

  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** 8-4-4-4-12 hex digits, any case; by hand, since a regex per id shows in profiles. */
  static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? '"' + text + '"' : '"' + text.substring(0, 61) + "...\"";
  }

  /** A scalar: checks the JSON token before consuming it. */
  private abstract static class Leaf<T> extends JsonAdapter<T> {
    private final String expected;
    private final JsonReader.Token token;

    Leaf(String expected, JsonReader.Token token) {
      this.expected = expected;
      this.token = token;
    }

    abstract @Nullable T read(JsonReader reader) throws IOException;

    abstract void write(JsonWriter writer, T value) throws IOException;

    @Override
    public final @Nullable T fromJson(JsonReader reader) throws IOException {
      if (reader.peek() != token) {
        return mismatch(reader, expected);
      }
      return read(reader);
    }

    @Override
    public final void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        write(writer, value);
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + expected + ")";
    }
  }

  /** A list whose elements may not be null; a bad element is left out when lenient. */
  private static final class ListAdapter<E> extends JsonAdapter<List<E>> {
    private final JsonAdapter<E> element;

    ListAdapter(JsonAdapter<E> element) {
      this.element = element;
    }

    @Override
    public @Nullable List<E> fromJson(JsonReader reader) throws IOException {
      if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
        return mismatch(reader, "an array");
      }
      List<E> list = new ArrayList<>();
      reader.beginArray();
      while (reader.hasNext()) {
        E value = read(reader, element, false);
        if (value != null) {
          list.add(value);
        }
      }
      reader.endArray();
      return list;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable List<E> value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      writer.beginArray();
      for (E e : value) {
        element.toJson(writer, e);
      }
      writer.endArray();
    }
  }
}

package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Shared support of the generated adapters: leaf types read and written by static methods with
 * their exact JSON type (the generated code calls the one for each property's type, so nothing is
 * looked up or dispatched at run time), and every violation either thrown (strict) or handed to the
 * reader's {@link ViolationSink} (lenient).
 */
final class ModelJson {

  private ModelJson() {}

  /** A defensive, unmodifiable copy; list elements are never null. */
  static <T> @Nullable List<T> immutable(@Nullable List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /**
   * The elements read, as the unmodifiable list that {@link #immutable} then keeps as it is
   * (instead of copying it again).
   */
  @SuppressWarnings("unchecked")
  static <T> List<T> immutableList(ArrayList<T> elements) {
    return switch (elements.size()) {
      case 0 -> List.of();
      case 1 -> List.of(elements.get(0));
      case 2 -> List.of(elements.get(0), elements.get(1));
      default -> (List<T>) List.of(elements.toArray());
    };
  }

  /**
   * A value whose token is not the one its type needs: a null (a violation unless {@code nullable})
   * or a mismatch (a violation; the value is skipped). Returns null either way.
   */
  static <T> @Nullable T other(
      JsonReader reader, JsonReader.Token token, boolean nullable, String expected)
      throws IOException {
    if (token == JsonReader.Token.NULL) {
      reader.nextNull();
      if (!nullable) {
        report(reader, consumedPath(reader), "must not be null");
      }
      return null;
    }
    return mismatch(reader, expected);
  }

  /** Begins the array at the reader; false when it is null or not an array (see {@link #other}). */
  static boolean enterArray(JsonReader reader, boolean nullable) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.BEGIN_ARRAY) {
      reader.beginArray();
      return true;
    }
    other(reader, token, nullable, "an array");
    return false;
  }

  static @Nullable String readString(JsonReader reader, boolean nullable) throws IOException {
    JsonReader.Token token = reader.peek();
    return token == JsonReader.Token.STRING
        ? reader.nextString()
        : other(reader, token, nullable, "a string");
  }

  static @Nullable Boolean readBoolean(JsonReader reader, boolean nullable) throws IOException {
    JsonReader.Token token = reader.peek();
    return token == JsonReader.Token.BOOLEAN
        ? reader.nextBoolean()
        : other(reader, token, nullable, "a boolean");
  }

  static @Nullable Double readDouble(JsonReader reader, boolean nullable) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER) {
      return other(reader, token, nullable, "a number");
    }
    try {
      return reader.nextDouble(); // a whole number is taken as it was scanned, without a string
    } catch (JsonEncodingException tooLarge) {
      // Out of a double's range: the reader still holds the literal, for the message.
      invalid(reader, "number out of range: " + abbreviate(reader.nextString()));
      return null;
    }
  }

  static @Nullable Integer readInteger(JsonReader reader, boolean nullable) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER) {
      return other(reader, token, nullable, "an integer");
    }
    String literal = reader.nextString();
    try {
      return Integer.valueOf(literal);
    } catch (NumberFormatException e) {
      invalid(reader, "not a 32-bit integer: " + abbreviate(literal));
      return null;
    }
  }

  static @Nullable UUID readUuid(JsonReader reader, boolean nullable) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.STRING) {
      return other(reader, token, nullable, "a UUID string");
    }
    String text = reader.nextString();
    UUID uuid = parseUuid(text);
    if (uuid == null) {
      invalid(reader, "not a UUID: " + abbreviate(text));
    }
    return uuid;
  }

  static @Nullable OffsetDateTime readDateTime(JsonReader reader, boolean nullable)
      throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.STRING) {
      return other(reader, token, nullable, "a date-time string");
    }
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

  /** A value the document gives no type: any JSON value, as maps, lists, strings, numbers. */
  static @Nullable Object readAny(JsonReader reader, boolean nullable) throws IOException {
    JsonReader.Token token = reader.peek();
    return token == JsonReader.Token.NULL
        ? other(reader, token, nullable, "a value")
        : reader.readJsonValue();
  }

  static void writeAny(JsonWriter writer, @Nullable Object value) throws IOException {
    writer.jsonValue(value);
  }

  static void writeString(JsonWriter writer, @Nullable String value) throws IOException {
    writer.value(value);
  }

  static void writeBoolean(JsonWriter writer, @Nullable Boolean value) throws IOException {
    writer.value(value);
  }

  static void writeDouble(JsonWriter writer, @Nullable Double value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value.doubleValue());
    }
  }

  static void writeInteger(JsonWriter writer, @Nullable Integer value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value.longValue());
    }
  }

  static void writeUuid(JsonWriter writer, @Nullable UUID value) throws IOException {
    writer.value(value == null ? null : value.toString());
  }

  static void writeDateTime(JsonWriter writer, @Nullable OffsetDateTime value) throws IOException {
    writer.value(value == null ? null : formatDateTime(value));
  }

  /** The value at the reader is of the wrong JSON type. Skips it when lenient. */
  private static <T> @Nullable T mismatch(JsonReader reader, String expected) throws IOException {
    JsonReader.Token actual = reader.peek();
    String message = "expected " + expected + " but was " + actual;
    report(reader, reader.getPath(), message);
    reader.skipValue();
    return null;
  }

  /** A value of the right JSON type that is not valid, already consumed. */
  private static void invalid(JsonReader reader, String message) {
    report(reader, consumedPath(reader), message);
  }

  /**
   * Called before {@code endObject()}, while the reader's path still names the last member. Inside
   * a resource (an identified object, see {@link #openScope}), a property the request did not
   * select is not missing: the sink says which ones it expects.
   */
  static void missing(JsonReader reader, String property) {
    Scope scope = reader.tag(Scope.class);
    ViolationSink sink = reader.tag(ViolationSink.class);
    if (scope != null && scope.depth > 0 && sink != null && !sink.expects(property)) {
      return;
    }
    String path = reader.getPath();
    int dot = path.lastIndexOf('.');
    report(
        reader,
        (dot > 0 ? path.substring(0, dot) : path) + "." + property,
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
   * with its identity even when the identifying property comes after the faulty one. One scope per
   * reader, reused for every object: nothing is allocated unless something is wrong.
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
          throw new JsonDataException(
              violation[1]
                  + " at "
                  + violation[0]
                  + (identity == null ? "" : " (licence " + identity + ")"));
        }
        sink.violation(violation[0], violation[1], identity);
      }
    }
  }

  /**
   * The shape servers send, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)}, parsed by hand:
   * DateTimeFormatter costs more than the rest of a licence. Returns null for any other shape (the
   * formatter then decides); out-of-range fields throw DateTimeException.
   */
  static @Nullable OffsetDateTime parseDateTime(String t) {
    int n = t.length();
    if (n < 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
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
    ZoneOffset offset;
    if (i == n - 1 && t.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int oh = digits(t, i + 1, 2);
      int om = digits(t, i + 4, 2);
      if ((oh | om) < 0) {
        return null;
      }
      int sign = t.charAt(i) == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
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

  /** The value of each hex digit by its character, -1 for any other ASCII character. */
  private static final byte[] HEX = new byte[128];

  static {
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int i = 0; i < 10; i++) {
      HEX['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX['a' + i] = (byte) (10 + i);
      HEX['A' + i] = (byte) (10 + i);
    }
  }

  /**
   * 8-4-4-4-12 hex digits, any case, or null for anything else; in one pass by hand (a regex and
   * then {@code UUID.fromString}, which checks again, showed in profiles).
   */
  static @Nullable UUID parseUuid(String text) {
    if (text.length() != 36) {
      return null;
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return null;
        }
        continue;
      }
      int digit = c < 128 ? HEX[c] : -1;
      if (digit < 0) {
        return null;
      }
      if (i < 18) {
        high = high << 4 | digit;
      } else {
        low = low << 4 | digit;
      }
    }
    return new UUID(high, low);
  }

  /**
   * What {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} writes ({@code
   * 2018-10-24T14:00:00.1234567-07:00}: seconds always, the fraction without trailing zeros and
   * only when not zero, {@code Z} for UTC), by hand for the years 0 to 9999: the formatter costs
   * more than the rest of a licence.
   */
  static String formatDateTime(OffsetDateTime value) {
    int year = value.getYear();
    if (year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
    char[] out = new char[38]; // 2018-10-24T14:00:00 .123456789 +05:30:15
    int n = 0;
    n = twoDigits(out, twoDigits(out, n, year / 100), year % 100);
    out[n++] = '-';
    n = twoDigits(out, n, value.getMonthValue());
    out[n++] = '-';
    n = twoDigits(out, n, value.getDayOfMonth());
    out[n++] = 'T';
    n = twoDigits(out, n, value.getHour());
    out[n++] = ':';
    n = twoDigits(out, n, value.getMinute());
    out[n++] = ':';
    n = twoDigits(out, n, value.getSecond());
    int nanos = value.getNano();
    if (nanos != 0) {
      out[n++] = '.';
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      for (int i = digits - 1; i >= 0; i--) {
        out[n + i] = (char) ('0' + nanos % 10);
        nanos /= 10;
      }
      n += digits;
    }
    String offset = value.getOffset().getId(); // "Z", "+05:30" or "+05:30:15", as the formatter
    offset.getChars(0, offset.length(), out, n);
    return new String(out, 0, n + offset.length());
  }

  private static int twoDigits(char[] out, int at, int value) {
    out[at] = (char) ('0' + value / 10);
    out[at + 1] = (char) ('0' + value % 10);
    return at + 2;
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? '"' + text + '"' : '"' + text.substring(0, 61) + "...\"";
  }
}

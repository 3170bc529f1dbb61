package dev.licensewatch.vspc.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the emulator compares JSON values in filters and sorts, as VSPC does: numbers as numbers,
 * booleans as booleans, date-time strings as instants (whatever their offset or number of
 * fractional digits), other strings (enumeration values among them) by the collation.
 */
final class Values {

  /** How strings are compared ({@code collation}). */
  enum Collation {
    /** Character by character (UTF-16 code units), case included: the default. */
    ORDINAL,
    /** Character by character, ignoring case. */
    IGNORECASE,
    /** Words with words and numbers with numbers: {@code Item 9} before {@code Item 10}. */
    LEXICOGRAPHIC;

    static @Nullable Collation of(String name) {
      for (Collation c : values()) {
        if (c.name().equalsIgnoreCase(name)) {
          return c;
        }
      }
      return null;
    }
  }

  private Values() {}

  /** The value at a path ({@code a} or {@code a.b}) of a parsed licence; null when absent. */
  static @Nullable Object at(Map<String, @Nullable Object> license, String[] path) {
    Object value = license;
    for (String segment : path) {
      if (!(value instanceof Map<?, ?> object)) {
        return null;
      }
      value = object.get(segment);
    }
    return value;
  }

  /** Whether two values are equal (null equals only null; an absent value is null). */
  static boolean equal(@Nullable Object a, @Nullable Object b, Collation collation) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    Integer order = compare(a, b, collation);
    return order != null && order == 0;
  }

  /**
   * The order of two values, or null when they cannot be compared (different JSON types, a list,
   * null).
   */
  static @Nullable Integer compare(@Nullable Object a, @Nullable Object b, Collation collation) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      Instant ix = instant(x);
      Instant iy = ix == null ? null : instant(y);
      if (ix != null && iy != null) {
        return ix.compareTo(iy);
      }
      return compareText(x, y, collation);
    }
    return null;
  }

  static int compareText(String a, String b, Collation collation) {
    return switch (collation) {
      case ORDINAL -> a.compareTo(b);
      case IGNORECASE -> upper(a).compareTo(upper(b));
      case LEXICOGRAPHIC -> natural(a, b);
    };
  }

  /** Whether {@code text} contains {@code part} under the collation. */
  static boolean containsText(String text, String part, Collation collation) {
    return collation == Collation.ORDINAL ? text.contains(part) : upper(text).contains(upper(part));
  }

  /** Whether a value is one of {@code values}. */
  static boolean among(@Nullable Object value, List<?> values, Collation collation) {
    for (Object candidate : values) {
      if (equal(value, candidate, collation)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A date-time string as an instant: with an offset and any number of fractional digits, or a date
   * or local date-time taken as UTC; null for a string that is none of those.
   */
  static @Nullable Instant instant(String text) {
    if (text.length() < 10
        || !Character.isDigit(text.charAt(0))
        || text.charAt(4) != '-'
        || text.charAt(7) != '-') {
      return null;
    }
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      char last = text.charAt(text.length() - 1);
      boolean offset =
          last == 'Z' || last == 'z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10;
      return offset
          ? OffsetDateTime.parse(text).toInstant()
          : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** Runs of digits compare as numbers, other runs ignoring case; ties ordinally. */
  private static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int order =
            na.length() != nb.length()
                ? Integer.compare(na.length(), nb.length())
                : na.compareTo(nb);
        if (order != 0) {
          return order;
        }
        i = ei;
        j = ej;
      } else {
        int order = Character.compare(Character.toUpperCase(ca), Character.toUpperCase(cb));
        if (order != 0) {
          return order;
        }
        i++;
        j++;
      }
    }
    int order = Integer.compare(a.length() - i, b.length() - j);
    return order != 0 ? order : a.compareTo(b);
  }
}

package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonWriter;
import dev.licensewatch.vspc.client.LicenseProperties.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One expression of the {@code filter} query parameter: the server returns only the licences that
 * satisfy it, so only they cross the network (and {@code total} counts them). Immutable. The
 * factories check what they are given against the API document, so an expression the server would
 * reject cannot be built: property names (a typo fails at once, naming the valid ones), the
 * operations each property's type allows, and value types.
 *
 * <pre>{@code
 * Filter expired = Filter.property("status").equalsIgnoreCase("Expired");
 * Filter dueSoon = Filter.and(
 *     Filter.property("expirationDate").lessThan(Instant.parse("2027-01-01T00:00:00Z")),
 *     Filter.property("company").ignoringCase().contains("acme"));
 * }</pre>
 *
 * <p>Values: strings for string properties; any {@link Number} (or its text) for numbers; {@link
 * Boolean} (or {@code "true"}, {@code "false"}); {@link Instant}, {@link OffsetDateTime}, {@link
 * ZonedDateTime} or an ISO-8601 string with an offset for date-times, sent as the server writes
 * them ({@code 2027-01-01T00:00:00.0000000+00:00}) and compared as instants; {@link UUID} or its
 * string for UUIDs; the generated enumeration constant ({@code LicenseStatus.EXPIRED}) or any
 * string for enumerations, which are compared ignoring case unless {@link Property#caseSensitive()}
 * says otherwise (servers spell them either way). Use it with {@link
 * LicenseQuery#where(Filter...)}; {@link #toString()} is its JSON.
 */
public final class Filter {
  /** How date-times are written: as servers write them, 7 fractional digits and an offset. */
  static final DateTimeFormatter SERVER_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

  /**
   * The most items a group may hold, and the most values a list may hold (the document's limit).
   */
  static final int MAX_ITEMS = 64;

  private final FilterOperation operation;
  private final @Nullable String property;
  private final @Nullable Collation collation;
  private final boolean comparison;
  private final @Nullable Object value; // String, Long, Double, Boolean, List of those, or null
  private final List<Filter> items;

  private Filter(
      FilterOperation operation,
      @Nullable String property,
      @Nullable Collation collation,
      boolean comparison,
      @Nullable Object value,
      List<Filter> items) {
    this.operation = operation;
    this.property = property;
    this.collation = collation;
    this.comparison = comparison;
    this.value = value;
    this.items = items;
  }

  /**
   * Starts an expression on a licence property, by its JSON name (as in the API document).
   *
   * @param name the property's JSON name, e.g. {@code expirationDate}
   * @return the property, to compare
   * @throws IllegalArgumentException for a name licences do not have; the message lists them
   */
  public static Property property(String name) {
    Objects.requireNonNull(name, "name");
    return new Property(LicenseProperties.require(name, "filter"), null);
  }

  /**
   * Licences that satisfy every one of these expressions.
   *
   * @param first the first expression
   * @param more further expressions
   * @return the expression
   */
  public static Filter and(Filter first, Filter... more) {
    return group(FilterOperation.AND, first, more);
  }

  /**
   * Licences that satisfy every one of these expressions (at least one).
   *
   * @param items the expressions
   * @return the expression
   */
  public static Filter and(List<Filter> items) {
    return group(FilterOperation.AND, items);
  }

  /**
   * Licences that satisfy at least one of these expressions.
   *
   * @param first the first expression
   * @param more further expressions
   * @return the expression
   */
  public static Filter or(Filter first, Filter... more) {
    return group(FilterOperation.OR, first, more);
  }

  /**
   * Licences that satisfy at least one of these expressions (at least one).
   *
   * @param items the expressions
   * @return the expression
   */
  public static Filter or(List<Filter> items) {
    return group(FilterOperation.OR, items);
  }

  /**
   * Licences that satisfy exactly one of these expressions (an odd number, for more than two).
   *
   * @param first the first expression
   * @param second the second expression
   * @param more further expressions
   * @return the expression
   */
  public static Filter exclusiveOr(Filter first, Filter second, Filter... more) {
    List<Filter> all = new ArrayList<>();
    all.add(first);
    all.add(second);
    all.addAll(Arrays.asList(more));
    return group(FilterOperation.EXCLUSIVE_OR, all);
  }

  /**
   * Licences that do not satisfy this expression.
   *
   * @param item the expression
   * @return the expression
   */
  public static Filter not(Filter item) {
    return group(FilterOperation.NOT, List.of(Objects.requireNonNull(item, "item")));
  }

  private static Filter group(FilterOperation operation, Filter first, Filter... more) {
    List<Filter> all = new ArrayList<>(1 + more.length);
    all.add(first);
    all.addAll(Arrays.asList(more));
    return group(operation, all);
  }

  private static Filter group(FilterOperation operation, List<Filter> items) {
    Objects.requireNonNull(items, "items");
    if (items.isEmpty()) {
      throw new IllegalArgumentException(operation.value() + " needs at least one expression");
    }
    if (items.size() > MAX_ITEMS) {
      throw new IllegalArgumentException(
          operation.value()
              + " takes at most "
              + MAX_ITEMS
              + " expressions, was given "
              + items.size());
    }
    for (Filter item : items) {
      Objects.requireNonNull(item, "an expression of " + operation.value() + " is null");
    }
    return new Filter(operation, null, null, false, null, List.copyOf(items));
  }

  /** Writes this expression as one element of the {@code filter} array. */
  private void write(JsonWriter writer) throws IOException {
    writer.beginObject();
    if (property != null) {
      writer.name("property").value(property);
    }
    writer.name("operation").value(operation.value());
    if (collation != null) {
      writer.name("collation").value(collation.value());
    }
    if (comparison) {
      writer.name("value");
      writeValue(writer, value);
    }
    if (!items.isEmpty()) {
      writer.name("items").beginArray();
      for (Filter item : items) {
        item.write(writer);
      }
      writer.endArray();
    }
    writer.endObject();
  }

  private static void writeValue(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object element : list) {
        writeValue(writer, element);
      }
      writer.endArray();
    } else if (value instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (value instanceof Long l) {
      writer.value(l.longValue());
    } else if (value instanceof Double d) {
      writer.value(d.doubleValue());
    } else {
      writer.value(value.toString());
    }
  }

  /** JSON text of expressions (an array), as the query parameter carries them. */
  static String json(List<Filter> filters) {
    return QueryJson.array(filters, Filter::write);
  }

  /** This expression as JSON, e.g. {@code {"property":"status","operation":"equals",...}}. */
  @Override
  public String toString() {
    return QueryJson.object(this, Filter::write);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Filter f && toString().equals(f.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /**
   * A licence property about to be compared. Immutable: {@link #ignoringCase()} and its siblings
   * return a new one. Every method that makes a {@link Filter} checks that the property's type
   * allows the operation and that the value has that type.
   */
  public static final class Property {
    private final LicenseProperties.Property property;
    private final @Nullable Collation collation;

    private Property(LicenseProperties.Property property, @Nullable Collation collation) {
      this.property = property;
      this.collation = collation;
    }

    /**
     * Compare strings ignoring case (collation {@code ignorecase}).
     *
     * @return this property, compared so
     */
    public Property ignoringCase() {
      return collated(Collation.IGNORECASE);
    }

    /**
     * Compare strings character by character, case included (collation {@code ordinal}).
     *
     * @return this property, compared so
     */
    public Property caseSensitive() {
      return collated(Collation.ORDINAL);
    }

    /**
     * Compare words with words and numbers with numbers, {@code Item 9} before {@code Item 10}.
     *
     * @return this property, compared so
     */
    public Property lexicographic() {
      return collated(Collation.LEXICOGRAPHIC);
    }

    private Property collated(Collation collation) {
      property.requireCollatable(collation);
      return new Property(property, collation);
    }

    /**
     * Licences whose property equals {@code value}.
     *
     * @param value a value of the property's type, as the class comment lists them
     * @return the expression
     */
    public Filter isEqualTo(Object value) {
      return scalar(FilterOperation.EQUALS, value);
    }

    /**
     * Licences whose property equals {@code value}, ignoring case.
     *
     * @param value the text to compare with, for a string, enumeration or UUID property
     * @return the expression
     */
    public Filter equalsIgnoreCase(String value) {
      return ignoringCase().isEqualTo(value);
    }

    /**
     * Licences whose property does not equal {@code value} (absent or null included).
     *
     * @param value a value of the property's type, as the class comment lists them
     * @return the expression
     */
    public Filter isNotEqualTo(Object value) {
      return scalar(FilterOperation.NOT_EQUALS, value);
    }

    /**
     * Licences whose property is null or absent.
     *
     * @return the expression
     */
    public Filter isNull() {
      return new Filter(FilterOperation.EQUALS, property.name(), null, true, null, List.of());
    }

    /**
     * Licences whose property has a value.
     *
     * @return the expression
     */
    public Filter isNotNull() {
      return new Filter(FilterOperation.NOT_EQUALS, property.name(), null, true, null, List.of());
    }

    /**
     * Licences whose property is less than {@code value} (earlier, for date-times).
     *
     * @param value for a string, number or date-time property (the others have no order), a value
     *     of its type as the class comment lists them
     * @return the expression
     */
    public Filter lessThan(Object value) {
      return ordered(FilterOperation.LESS_THAN, value);
    }

    /**
     * Licences whose property is less than or equal to {@code value}.
     *
     * @param value for a string, number or date-time property (the others have no order), a value
     *     of its type as the class comment lists them
     * @return the expression
     */
    public Filter lessThanOrEqualTo(Object value) {
      return ordered(FilterOperation.LESS_THAN_OR_EQUAL, value);
    }

    /**
     * Licences whose property is greater than {@code value} (later, for date-times).
     *
     * @param value for a string, number or date-time property (the others have no order), a value
     *     of its type as the class comment lists them
     * @return the expression
     */
    public Filter greaterThan(Object value) {
      return ordered(FilterOperation.GREATER_THAN, value);
    }

    /**
     * Licences whose property is greater than or equal to {@code value}.
     *
     * @param value for a string, number or date-time property (the others have no order), a value
     *     of its type as the class comment lists them
     * @return the expression
     */
    public Filter greaterThanOrEqualTo(Object value) {
      return ordered(FilterOperation.GREATER_THAN_OR_EQUAL, value);
    }

    /**
     * Licences whose property equals one of the values; for a list property, whose list holds one
     * of them.
     *
     * @param values the values, each as for {@link #isEqualTo(Object)}
     * @return the expression
     */
    public Filter in(Object... values) {
      return in(Arrays.asList(values));
    }

    /**
     * As {@link #in(Object...)}.
     *
     * @param values the values, each as for {@link #isEqualTo(Object)}
     * @return the expression
     */
    public Filter in(Collection<?> values) {
      return list(FilterOperation.IN, values);
    }

    /**
     * Licences whose string property contains {@code value}, or whose list property holds it.
     *
     * @param value for a string property, the text to look for; for a list property, an element's
     *     value, as the class comment lists them
     * @return the expression
     */
    public Filter contains(Object value) {
      if (property.isArray()) {
        return comparison(FilterOperation.CONTAINS, convert(value, property.element(), "contains"));
      }
      if (property.kind() != Kind.STRING) {
        throw refused("contains", "a string or a list");
      }
      return comparison(FilterOperation.CONTAINS, convert(value, Kind.STRING, "contains"));
    }

    /**
     * Licences whose string property contains {@code value}, ignoring case.
     *
     * @param value the text a string property contains, or an element of a list of strings,
     *     enumeration values or UUIDs
     * @return the expression
     */
    public Filter containsIgnoreCase(String value) {
      return ignoringCase().contains(value);
    }

    /**
     * Licences whose list property holds only some of these values (every element is one of them).
     *
     * @param values the values, each as for {@link #isEqualTo(Object)}
     * @return the expression
     */
    public Filter isSubsetOf(Object... values) {
      return arrayOnly(FilterOperation.SUBSET, Arrays.asList(values));
    }

    /**
     * Licences whose list property holds every one of these values.
     *
     * @param values the values, each as for {@link #isEqualTo(Object)}
     * @return the expression
     */
    public Filter isSupersetOf(Object... values) {
      return arrayOnly(FilterOperation.SUPERSET, Arrays.asList(values));
    }

    private Filter scalar(FilterOperation operation, Object value) {
      if (property.isArray()) {
        throw refused(
            operation.value(),
            "a single value (for a list, use contains, in," + " isSubsetOf or isSupersetOf)");
      }
      return comparison(operation, convert(value, property.kind(), operation.value()));
    }

    private Filter ordered(FilterOperation operation, Object value) {
      Kind kind = property.kind();
      if (kind != Kind.STRING && kind != Kind.NUMBER && kind != Kind.DATE_TIME) {
        throw refused(operation.value(), "a string, a number or a date-time");
      }
      return comparison(operation, convert(value, kind, operation.value()));
    }

    private Filter arrayOnly(FilterOperation operation, List<?> values) {
      if (!property.isArray()) {
        throw refused(operation.value(), "a list");
      }
      return list(operation, values);
    }

    private Filter list(FilterOperation operation, Collection<?> values) {
      Objects.requireNonNull(values, "values");
      if (values.isEmpty()) {
        throw new IllegalArgumentException(
            operation.value() + " on '" + property.name() + "' needs at least one value");
      }
      if (values.size() > MAX_ITEMS) {
        throw new IllegalArgumentException(
            operation.value()
                + " on '"
                + property.name()
                + "' takes at most "
                + MAX_ITEMS
                + " values, was given "
                + values.size());
      }
      List<Object> converted = new ArrayList<>(values.size());
      for (Object value : values) {
        converted.add(convert(value, property.element(), operation.value()));
      }
      return comparison(operation, List.copyOf(converted));
    }

    private Filter comparison(FilterOperation operation, Object value) {
      Collation effective = collation;
      if (effective == null && property.element() == Kind.ENUM) {
        effective = Collation.IGNORECASE; // servers send enumeration values in either case
      }
      return new Filter(operation, property.name(), effective, true, value, List.of());
    }

    private IllegalArgumentException refused(String operation, String needs) {
      return new IllegalArgumentException(
          operation
              + " needs "
              + needs
              + ", but '"
              + property.name()
              + "' is "
              + property.describe());
    }

    /** The JSON value of {@code value} for a property (or list element) of this kind. */
    private Object convert(@Nullable Object value, Kind kind, String operation) {
      if (value == null) {
        throw new IllegalArgumentException(
            operation
                + " on '"
                + property.name()
                + "' was given null; use isNull() or isNotNull()");
      }
      switch (kind) {
        case STRING -> {
          if (value instanceof CharSequence text) {
            return text.toString();
          }
        }
        case NUMBER -> {
          Object n = value instanceof CharSequence text ? number(text) : value;
          if (n instanceof Integer
              || n instanceof Long
              || n instanceof Short
              || n instanceof Byte) {
            return ((Number) n).longValue();
          }
          if (n instanceof BigInteger big) {
            return big.longValueExact();
          }
          if (n instanceof Number number) {
            double d = number instanceof BigDecimal big ? big.doubleValue() : number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
              throw new IllegalArgumentException(
                  operation
                      + " on '"
                      + property.name()
                      + "' was given "
                      + value
                      + ", which JSON cannot carry");
            }
            return d;
          }
        }
        case BOOLEAN -> {
          if (value instanceof Boolean) {
            return value;
          }
          if (value instanceof CharSequence text
              && (text.toString().equalsIgnoreCase("true")
                  || text.toString().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text.toString());
          }
        }
        case DATE_TIME -> {
          return dateTime(value, operation);
        }
        case UUID -> {
          UUID uuid =
              value instanceof CharSequence text
                  ? ModelJson.parseUuid(text.toString())
                  : value instanceof UUID u ? u : null;
          if (uuid != null) {
            return uuid.toString();
          }
        }
        case ENUM -> {
          if (value instanceof CharSequence text) {
            return text.toString();
          }
          if (value.getClass() == property.enumType()) {
            return LicenseProperties.enumValue(value);
          }
        }
        case ARRAY -> throw new IllegalStateException("lists of lists are not in the document");
      }
      throw new IllegalArgumentException(
          operation
              + " on '"
              + property.name()
              + "' needs "
              + (property.isArray()
                  ? property.element().description + " (an element of " + property.describe() + ")"
                  : kind.description)
              + (kind == Kind.ENUM ? " (a String or " + simpleName(property.enumType()) + ")" : "")
              + ", was given "
              + value.getClass().getSimpleName()
              + " "
              + value);
    }

    /** A number's text as a Long or a Double; null when it is not a number. */
    private static @Nullable Number number(CharSequence text) {
      String t = text.toString().trim();
      try {
        return t.matches("-?[0-9]{1,18}") ? (Number) Long.valueOf(t) : (Number) Double.valueOf(t);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private Object dateTime(Object value, String operation) {
      OffsetDateTime at;
      if (value instanceof Instant instant) {
        at = instant.atOffset(ZoneOffset.UTC);
      } else if (value instanceof OffsetDateTime offset) {
        at = offset;
      } else if (value instanceof ZonedDateTime zoned) {
        at = zoned.toOffsetDateTime();
      } else if (value instanceof CharSequence text) {
        try {
          at = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              operation
                  + " on '"
                  + property.name()
                  + "' needs a date-time with an offset, e.g. 2027-01-01T00:00:00Z, was given '"
                  + text
                  + "'",
              e);
        }
      } else {
        throw new IllegalArgumentException(
            operation
                + " on '"
                + property.name()
                + "' needs a date-time (Instant, OffsetDateTime, ZonedDateTime or an ISO-8601"
                + " string with an offset), was given "
                + value.getClass().getSimpleName());
      }
      return SERVER_DATE_TIME.format(at);
    }

    private static String simpleName(@Nullable Class<?> type) {
      return type == null ? "its constant" : type.getSimpleName();
    }

    @Override
    public String toString() {
      return property.name() + (collation == null ? "" : " (" + collation.value() + ")");
    }
  }
}

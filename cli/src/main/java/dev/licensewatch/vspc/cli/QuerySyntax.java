package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.Filter;
import dev.licensewatch.vspc.client.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The command line's filter and sort syntax, turned into the client's {@link Filter} and {@link
 * Sort} (which check names, operations and value types against the API document). A problem is an
 * {@link IllegalArgumentException} whose message names the offending part. The syntax, as users
 * read it, is {@link QueryOptions#HELP}.
 */
final class QuerySyntax {
  /** A property name, an operator, the rest (which may hold anything, operators included). */
  private static final Pattern EXPRESSION =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(!=|<=|>=|!~|=|<|>|~)(.*)", Pattern.DOTALL);

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private QuerySyntax() {}

  /** One {@code --filter} expression. */
  static Filter filter(String text) {
    Matcher m = EXPRESSION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not PROPERTY OPERATOR VALUE"
              + " (operators: = != < <= > >= ~ !~), e.g. status=Expired");
    }
    String name = m.group(1);
    String operator = m.group(2);
    List<String> values = values(m.group(3).trim());
    if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("'" + text + "' has no value after " + operator);
    }
    try {
      return filter(Filter.property(name), operator, values);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
    }
  }

  private static Filter filter(Filter.Property property, String operator, List<String> values) {
    if (values.contains("null")) {
      if (values.size() > 1 || !(operator.equals("=") || operator.equals("!="))) {
        throw new IllegalArgumentException("null goes alone, with = or !=");
      }
      return operator.equals("=") ? property.isNull() : property.isNotNull();
    }
    return switch (operator) {
      case "=", "!=" -> {
        Filter equal =
            values.size() == 1
                ? textual(property).isEqualTo(value(property, values.get(0)))
                : textual(property).in(values.stream().map(v -> value(property, v)).toList());
        yield operator.equals("=") ? equal : Filter.not(equal);
      }
      case "~", "!~" -> {
        List<Filter> any = new ArrayList<>();
        for (String value : values) {
          any.add(textual(property).contains(value));
        }
        Filter contains = any.size() == 1 ? any.get(0) : Filter.or(any);
        yield operator.equals("~") ? contains : Filter.not(contains);
      }
      default -> {
        if (values.size() > 1) {
          throw new IllegalArgumentException(operator + " takes one value");
        }
        Object value = value(property, values.get(0));
        yield switch (operator) {
          case "<" -> property.lessThan(value);
          case "<=" -> property.lessThanOrEqualTo(value);
          case ">" -> property.greaterThan(value);
          default -> property.greaterThanOrEqualTo(value);
        };
      }
    };
  }

  /** The property ignoring case when it holds text; as it is otherwise. */
  private static Filter.Property textual(Filter.Property property) {
    try {
      return property.ignoringCase();
    } catch (IllegalArgumentException notText) {
      return property; // a number, a date-time, a boolean: case does not apply
    }
  }

  /**
   * A date alone means midnight UTC for a property that does not hold text (a date-time); anything
   * else goes as written (the client checks it against the property's type).
   */
  private static Object value(Filter.Property property, String text) {
    if (isText(property)) {
      return text;
    }
    Instant midnight = midnightUtc(text);
    return midnight == null ? text : midnight.toString();
  }

  private static boolean isText(Filter.Property property) {
    return textual(property) != property;
  }

  /**
   * Midnight UTC of a date written {@code 2027-01-01}; null for text that does not look like a
   * date. A date that does not exist ({@code 2027-02-30}) is an error naming it.
   */
  static @Nullable Instant midnightUtc(String text) {
    if (!DATE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date", e);
    }
  }

  /** The values of {@code a|b|c}, with {@code \|} standing for a {@code |} inside one. */
  private static List<String> values(String text) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '|') {
        current.append('|');
        i++;
      } else if (c == '|') {
        values.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    values.add(current.toString().trim());
    return values;
  }

  /** {@code --sort}: comma-separated properties, each descending when it starts with '-'. */
  static List<Sort> sorts(String text) {
    List<Sort> sorts = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String name = part.trim();
      boolean descending = name.startsWith("-");
      if (descending || name.startsWith("+")) {
        name = name.substring(1).trim();
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "an empty property name; use e.g." + " -expirationDate,company");
      }
      sorts.add(descending ? Sort.descending(name) : Sort.ascending(name));
    }
    return sorts;
  }
}

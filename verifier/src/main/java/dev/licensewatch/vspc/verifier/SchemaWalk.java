package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Walks a response body along its schema for what the validator cannot tell apart: values outside
 * an enumeration's known list and properties the document does not declare are additions (how new
 * servers grow), date-times must carry an offset and at most 7 fractional digits (what VSPC sends:
 * {@code 2018-10-24T14:00:00.0000000-07:00}).
 *
 * <p>Known values come from {@code enum} or from an {@code x-extensible-enum} list, whichever the
 * document uses, and match case-insensitively (older servers send {@code valid}).
 */
final class SchemaWalk {
  static final String EXTENSIBLE_ENUM = "x-extensible-enum";
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?");
  static final int MAX_FRACTION_DIGITS = 7;

  /** Where a walk's findings go. */
  interface Sink {
    void dateTime(Finding finding);

    void addition(Finding finding);

    /** A date-time was checked (found fine or not). */
    void checkedDateTime();
  }

  private SchemaWalk() {}

  static void walk(@Nullable Schema<?> schema, JsonNode node, String path, Sink sink) {
    if (schema == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      Map<String, Schema<?>> declared = properties(schema);
      if (declared == null) {
        return;
      }
      Schema<?> map = schema.getAdditionalProperties() instanceof Schema<?> s ? s : null;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = JsonPaths.property(path, field.getKey());
        Schema<?> property = declared.get(field.getKey());
        if (property != null) {
          walk(property, field.getValue(), child, sink);
        } else if (map != null) {
          walk(map, field.getValue(), child, sink);
        } else {
          sink.addition(
              Finding.of(Finding.Severity.ADDITION, "a property the document does not declare")
                  .at(child, null)
                  .actual(Text.shorten(field.getValue().toString())));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(schema.getItems(), node.get(i), JsonPaths.index(path, i), sink);
      }
    } else if (node.isTextual()) {
      String value = node.asText();
      List<String> known = knownValues(schema);
      if (!known.isEmpty() && known.stream().noneMatch(k -> k.equalsIgnoreCase(value))) {
        sink.addition(
            Finding.of(
                    Finding.Severity.ADDITION,
                    "a value the document does not list (known: " + String.join(", ", known) + ")")
                .at(path, null)
                .actual(Text.quote(value)));
      }
      if ("date-time".equals(schema.getFormat())) {
        sink.checkedDateTime();
        String problem = dateTimeProblem(value);
        if (problem != null) {
          sink.dateTime(
              Finding.of(Finding.Severity.BREAK, problem).at(path, null).actual(Text.quote(value)));
        }
      }
    }
  }

  /** What is wrong with a date-time as VSPC must send it, or null. */
  static @Nullable String dateTimeProblem(String value) {
    Matcher m = DATE_TIME.matcher(value);
    if (!m.matches()) {
      return "not an ISO-8601 date-time with an offset (e.g. 2018-10-24T14:00:00.0000000-07:00)";
    }
    if (m.group(2) == null) {
      return "a date-time without a UTC offset: the instant is ambiguous";
    }
    if (m.group(1) != null && m.group(1).length() > MAX_FRACTION_DIGITS) {
      return "a date-time with "
          + m.group(1).length()
          + " fractional digits; the document"
          + " allows at most "
          + MAX_FRACTION_DIGITS;
    }
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      return "not a valid date-time (" + e.getMessage() + ")";
    }
    return null;
  }

  /** The enumeration's known values: {@code enum}, or an {@code x-extensible-enum} list. */
  static List<String> knownValues(@Nullable Schema<?> schema) {
    List<String> values = new ArrayList<>();
    if (schema == null) {
      return values;
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      schema.getEnum().forEach(v -> values.add(String.valueOf(v)));
    } else if (schema.getExtensions() != null
        && schema.getExtensions().get(EXTENSIBLE_ENUM) instanceof List<?> list) {
      list.forEach(v -> values.add(String.valueOf(v)));
    }
    return values;
  }

  /** Declared properties, allOf parts merged; null when they cannot be known (oneOf, anyOf). */
  static @Nullable Map<String, Schema<?>> properties(Schema<?> schema) {
    Map<String, Schema<?>> all = new LinkedHashMap<>();
    if (schema instanceof ComposedSchema composed) {
      if (composed.getOneOf() != null || composed.getAnyOf() != null) {
        return null;
      }
      if (composed.getAllOf() != null) {
        for (Schema<?> part : composed.getAllOf()) {
          Map<String, Schema<?>> more = properties(part);
          if (more == null) {
            return null;
          }
          all.putAll(more);
        }
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach(all::put);
    }
    return all;
  }

  /** {@code string (date-time)}, {@code number (double)}: a schema's type for messages. */
  static String describeType(@Nullable Schema<?> schema) {
    if (schema == null) {
      return "?";
    }
    String type =
        schema.getType() != null
            ? schema.getType()
            : schema.getTypes() != null && !schema.getTypes().isEmpty()
                ? String.join("|", schema.getTypes())
                : "any";
    return (type + (schema.getFormat() == null ? "" : " (" + schema.getFormat() + ")"))
        .toLowerCase(Locale.ROOT);
  }
}

package dev.licensewatch.vspc.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a corpus body with what a generated client wrote back after decoding it, guided by the
 * document's schema: strings (enum values among them) exactly, numbers by value, nulls as nulls,
 * date-times as instants (the input truncated to what the language's date type holds), arrays item
 * by item. A property the document does not declare may be dropped (that is recorded, not a
 * failure); a declared one may not. A property absent from the input may come back as null (Java
 * and Kotlin models cannot tell absent from null) or, for an array, empty (the stock Java models
 * start their lists empty); both are recorded. Nothing else may be added.
 */
final class Comparison {

  private final JsonNode document;
  private final ChronoUnit precision;
  final List<String> problems = new ArrayList<>();
  final List<String> droppedUnknown = new ArrayList<>();
  final List<String> absentWrittenAsNull = new ArrayList<>();
  final List<String> absentWrittenAsEmpty = new ArrayList<>();

  private Comparison(JsonNode document, ChronoUnit precision) {
    this.document = document;
    this.precision = precision;
  }

  static Comparison of(
      JsonNode document, ChronoUnit precision, String schema, JsonNode input, JsonNode output) {
    Comparison comparison = new Comparison(document, precision);
    comparison.compare(input, output, document.at("/components/schemas/" + schema), "$");
    return comparison;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    while (current != null && current.has("$ref")) {
      current = document.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private void compare(JsonNode in, JsonNode out, JsonNode rawSchema, String path) {
    JsonNode schema = resolve(rawSchema);
    if (in.isNull()) {
      if (!out.isNull()) {
        problems.add(path + ": null came back as " + out);
      }
      return;
    }
    if (in.getNodeType() != out.getNodeType()) {
      problems.add(path + ": " + in + " came back as " + out);
      return;
    }
    if (in.isObject()) {
      compareObjects(in, out, schema, path);
    } else if (in.isArray()) {
      if (in.size() != out.size()) {
        problems.add(path + ": " + in.size() + " items came back as " + out.size());
        return;
      }
      JsonNode items = schema == null ? null : schema.get("items");
      for (int i = 0; i < in.size(); i++) {
        compare(in.get(i), out.get(i), items, path + "[" + i + "]");
      }
    } else if (in.isNumber()) {
      if (in.decimalValue().compareTo(out.decimalValue()) != 0) {
        problems.add(path + ": " + in + " came back as " + out);
      }
    } else if (in.isTextual()
        && schema != null
        && "date-time".equals(schema.path("format").asText())) {
      compareInstants(in.asText(), out.asText(), path);
    } else if (!in.equals(out)) {
      problems.add(path + ": " + in + " came back as " + out);
    }
  }

  private void compareObjects(JsonNode in, JsonNode out, JsonNode schema, String path) {
    JsonNode declared = schema == null ? null : schema.get("properties");
    for (Map.Entry<String, JsonNode> field : in.properties()) {
      String name = field.getKey();
      JsonNode propertySchema = declared == null ? null : declared.get(name);
      String at = path + "." + name;
      if (out.has(name)) {
        compare(field.getValue(), out.get(name), propertySchema, at);
      } else if (propertySchema != null || schema == null) {
        problems.add(at + ": " + field.getValue() + " was dropped");
      } else {
        droppedUnknown.add(at);
      }
    }
    for (Map.Entry<String, JsonNode> field : out.properties()) {
      if (in.has(field.getKey())) {
        continue;
      }
      JsonNode propertySchema = resolve(declared == null ? null : declared.get(field.getKey()));
      if (field.getValue().isNull()) {
        absentWrittenAsNull.add(path + "." + field.getKey());
      } else if (field.getValue().isArray()
          && field.getValue().isEmpty()
          && propertySchema != null
          && "array".equals(propertySchema.path("type").asText())) {
        absentWrittenAsEmpty.add(path + "." + field.getKey());
      } else {
        problems.add(path + "." + field.getKey() + ": absent, came back as " + field.getValue());
      }
    }
  }

  private void compareInstants(String in, String out, String path) {
    Instant sent = OffsetDateTime.parse(in).toInstant();
    Instant expected = sent.truncatedTo(precision);
    try {
      Instant got = OffsetDateTime.parse(out).toInstant();
      if (!got.equals(expected)) {
        problems.add(
            path
                + ": "
                + in
                + " came back as "
                + out
                + " (expected the instant "
                + expected
                + ": the input truncated to "
                + precision.toString().toLowerCase()
                + ")");
      }
    } catch (DateTimeParseException e) {
      problems.add(path + ": " + in + " came back as " + out + ", not an RFC 3339 date-time");
    }
  }
}

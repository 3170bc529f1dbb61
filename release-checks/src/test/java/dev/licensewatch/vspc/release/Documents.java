package dev.licensewatch.vspc.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The project's OpenAPI document, and copies of it with deliberate changes. */
final class Documents {
  static final YAMLMapper YAML = new YAMLMapper();
  static final Path CURRENT = Path.of(System.getProperty("spec.document"));

  private Documents() {}

  static String current() {
    try {
      return Files.readString(CURRENT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The current document with {@code change} applied to its tree. */
  static String changed(Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) YAML.readTree(current());
      change.accept(root);
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode schema(ObjectNode root, String name) {
    return (ObjectNode) root.path("components").path("schemas").path(name);
  }

  static ObjectNode property(ObjectNode root, String schema, String property) {
    return (ObjectNode) schema(root, schema).path("properties").path(property);
  }

  /** The list that holds an enumeration's values: {@code enum}, or an x-extensible-enum list. */
  static ArrayNode enumValues(ObjectNode schema) {
    JsonNode values = schema.has("enum") ? schema.get("enum") : schema.get("x-extensible-enum");
    if (!(values instanceof ArrayNode array)) {
      throw new IllegalStateException("no enum values in " + schema);
    }
    return array;
  }

  static void removeValue(ObjectNode schema, String value) {
    ArrayNode values = enumValues(schema);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).asText().equals(value)) {
        values.remove(i);
        return;
      }
    }
    throw new IllegalStateException("no value " + value + " in " + schema);
  }

  /** Moves {@code enum: [...]} to {@code x-extensible-enum: [...]}, as issue 11 does. */
  static void toExtensibleList(ObjectNode schema) {
    if (schema.has("enum")) {
      JsonNode values = schema.remove("enum");
      schema.set("x-extensible-enum", values);
    }
  }
}

package dev.licensewatch.vspc.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads pact files and puts them in a canonical form for comparison and for the repository. */
public final class PactJson {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private PactJson() {}

  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pact " + file, e);
    }
  }

  /**
   * The canonical form: interactions sorted by description and provider states (Pact JVM writes
   * them in the order the test classes happened to finish), object keys sorted.
   */
  public static ObjectNode canonical(JsonNode pact) {
    ObjectNode copy = pact.deepCopy();
    if (copy.get("interactions") instanceof ArrayNode interactions) {
      List<JsonNode> list = new ArrayList<>();
      interactions.forEach(list::add);
      list.sort(Comparator.comparing(PactJson::sortKey));
      interactions.removeAll();
      interactions.addAll(list);
    }
    return sortKeys(copy);
  }

  /**
   * What is compared: the canonical form without what does not belong to the contract, namely the
   * Pact JVM version that wrote it ({@code metadata.pact-jvm}).
   */
  public static ObjectNode comparable(JsonNode pact) {
    ObjectNode copy = canonical(pact);
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove("pact-jvm");
    }
    return copy;
  }

  public static String sortKey(JsonNode interaction) {
    return interaction.path("description").asText()
        + "\u0000"
        + interaction.path("providerStates").toString();
  }

  public static void write(Path file, JsonNode pact) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, MAPPER.writeValueAsString(pact) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pact " + file, e);
    }
  }

  private static ObjectNode sortKeys(ObjectNode node) {
    // Round trip through a map-ordered mapper: ORDER_MAP_ENTRIES_BY_KEYS sorts every level.
    try {
      Object tree = MAPPER.treeToValue(node, Object.class);
      return (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

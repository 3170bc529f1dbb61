import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Writes the two JSON forms of the hand-written YAML document at build time (run by the api-spec
 * pom as a single-file program, before process-resources; nothing it writes is committed):
 *
 * <ul>
 *   <li>{@code vspc-licensing-v3.json}: the same document as JSON, node for node, for tools that
 *       prefer JSON;
 *   <li>{@code vspc-licensing-v3.closed-enums.json}: the same document where every {@code
 *       x-extensible-enum} list is also declared as {@code enum}. It is for checking bodies we
 *       write ourselves (the emulator's, the pact's) strictly against the known values, and for our
 *       own Java client's templates, which turn {@code enum} into typed extensible enums. It must
 *       never be used to judge a real server, nor to generate a stock client.
 * </ul>
 *
 * <p>Usage: {@code java -cp <jackson> DeriveDocuments.java <document.yaml> <output directory>}
 */
public final class DeriveDocuments {

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: DeriveDocuments <document.yaml> <output directory>");
    }
    Path yaml = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String name = yaml.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    JsonNode document = new YAMLMapper().readTree(yaml.toFile());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Files.createDirectories(out);
    json.writeValue(out.resolve(name + ".json").toFile(), document);

    JsonNode closed = document.deepCopy();
    int closedEnums = closeExtensibleEnums(closed);
    if (closedEnums == 0) {
      throw new IllegalStateException(yaml + " declares no x-extensible-enum list");
    }
    json.writeValue(out.resolve(name + ".closed-enums.json").toFile(), closed);
    System.out.println(
        "DeriveDocuments: wrote "
            + name
            + ".json and "
            + name
            + ".closed-enums.json ("
            + closedEnums
            + " enums closed) to "
            + out);
  }

  /** Adds {@code enum} next to each {@code x-extensible-enum} list; returns how many. */
  private static int closeExtensibleEnums(JsonNode node) {
    int count = 0;
    if (node instanceof ObjectNode object) {
      JsonNode known = object.get("x-extensible-enum");
      if (known != null) {
        if (!known.isArray() || known.isEmpty()) {
          throw new IllegalStateException(
              "x-extensible-enum must be a non-empty list of the known values");
        }
        if (object.has("enum")) {
          throw new IllegalStateException(
              "a schema with x-extensible-enum must not declare enum: " + object);
        }
        object.set("enum", known.deepCopy());
        count++;
      }
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      count += closeExtensibleEnums(children.next());
    }
    return count;
  }
}

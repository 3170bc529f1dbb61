import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when the generated sources hold a construct our templates cannot handle.
 *
 * <p>Mustache cannot stop a generation, so the templates write a marker where they meet such a
 * construct (a body, form or cookie parameter, a set, a type without a reader in ModelJson): {@code
 * UNSUPPORTED-BY-TEMPLATES[what, and where]}. The client's build runs this program on the generated
 * sources right after generating them ({@code java UnsupportedByTemplates.java DIR}), before they
 * are formatted or compiled: it prints every marker with its file and exits with 1, so the build
 * stops with a message naming the construct, not with code that fails at run time.
 */
public final class UnsupportedByTemplates {
  private static final Pattern MARKER = Pattern.compile("UNSUPPORTED-BY-TEMPLATES\\[([^\\]]*)\\]");

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
        Matcher m = MARKER.matcher(Files.readString(file));
        while (m.find()) {
          found.add(dir.relativize(file) + ": " + m.group(1));
        }
      }
    }
    if (found.isEmpty()) {
      return;
    }
    System.err.println(
        "The OpenAPI document uses what the client's templates"
            + " (client/src/main/openapi-templates) cannot generate:");
    found.forEach(line -> System.err.println("  " + line));
    System.err.println("Extend the templates (and ModelJson) for it, or change the document.");
    System.exit(1);
  }
}

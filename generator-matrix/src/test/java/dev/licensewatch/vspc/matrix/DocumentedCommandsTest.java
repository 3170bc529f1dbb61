package dev.licensewatch.vspc.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The generate commands in api-spec/docs/generating-clients.md are the ones the matrix runs: each
 * Maven execution of pom.xml, written as the equivalent openapi-generator-cli command, is in the
 * page, and no execution sets anything but the generator, its library and package names.
 */
@DisplayName("The documented generate commands")
class DocumentedCommandsTest {

  private static final Path MODULE = Path.of(System.getProperty("matrix.moduleDir", "."));
  private static final String VERSION = System.getProperty("matrix.generatorVersion", "?");

  /** Configuration element -> CLI option; anything else in an execution fails the test. */
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("generatorName", "-g");
    OPTIONS.put("library", "--library");
    OPTIONS.put("apiPackage", "--api-package");
    OPTIONS.put("modelPackage", "--model-package");
    OPTIONS.put("invokerPackage", "--invoker-package");
    OPTIONS.put("packageName", "--package-name");
    OPTIONS.put("gitUserId", "--git-user-id");
    OPTIONS.put("gitRepoId", "--git-repo-id");
  }

  private static final Set<String> NOT_CODE = Set.of("output");

  @Test
  @DisplayName("are in the docs page, one per language, with nothing but package names")
  void docsShowWhatTheMatrixRuns() throws Exception {
    String page =
        Files.readString(
            MODULE.resolve("../api-spec/docs/generating-clients.md"), StandardCharsets.UTF_8);
    Map<String, String> commands = commands();
    assertThat(commands.keySet())
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(Language.values())
                .map(l -> l.execution)
                .toArray(String[]::new));
    commands.forEach(
        (execution, command) ->
            assertThat(page).as("the command of %s", execution).contains(command));
  }

  @Test
  @DisplayName("of README.md run this module and set only properties its pom reads")
  void readmeCommandsRunThisModule() throws Exception {
    String readme = Files.readString(MODULE.resolve("README.md"), StandardCharsets.UTF_8);
    Element properties =
        (Element)
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(MODULE.resolve("pom.xml").toFile())
                .getDocumentElement()
                .getElementsByTagName("properties")
                .item(0);
    List<String> lines = readme.lines().filter(l -> l.startsWith("./mvnw")).toList();

    assertThat(lines).hasSize(3);
    for (String line : lines) {
      String command = line.replaceAll("\\s+#.*", "");
      assertThat(command).startsWith("./mvnw -B -pl generator-matrix -am verify");
      Matcher property = Pattern.compile("-D([\\w.]+)=").matcher(command);
      while (property.find()) {
        assertThat(text(properties, property.group(1)))
            .as("%s in pom.xml's properties", property.group(1))
            .isNotNull();
      }
    }
    assertThat(String.join("\n", lines)).contains("-Dmatrix.requireAll=true", "-Dmatrix.spec=");
  }

  /** Execution id -> the openapi-generator-cli command with the same options. */
  private static Map<String, String> commands() throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(MODULE.resolve("pom.xml").toFile())
            .getDocumentElement();
    Map<String, String> commands = new LinkedHashMap<>();
    NodeList executions = project.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      Element plugin = (Element) execution.getParentNode().getParentNode();
      if (!"openapi-generator-maven-plugin".equals(text(plugin, "artifactId"))) {
        continue;
      }
      String id = text(execution, "id");
      StringBuilder command =
          new StringBuilder("java -jar openapi-generator-cli-" + VERSION + ".jar generate");
      Element configuration = (Element) execution.getElementsByTagName("configuration").item(0);
      Map<String, String> options = new LinkedHashMap<>();
      for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element option && !NOT_CODE.contains(option.getTagName())) {
          assertThat(OPTIONS)
              .as("execution %s sets %s, which is not a package name", id, option.getTagName())
              .containsKey(option.getTagName());
          options.put(option.getTagName(), option.getTextContent().trim());
        }
      }
      command.append(" -g ").append(options.remove("generatorName"));
      if (options.containsKey("library")) {
        command.append(" --library ").append(options.remove("library"));
      }
      command.append(" -i vspc-licensing-v3.yaml -o ").append(id);
      OPTIONS.forEach(
          (element, flag) -> {
            if (options.containsKey(element)) {
              command.append(' ').append(flag).append(' ').append(options.get(element));
            }
          });
      commands.put(id, command.toString());
    }
    return commands;
  }

  private static String text(Element parent, String child) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}

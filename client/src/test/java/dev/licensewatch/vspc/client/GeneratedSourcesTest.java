package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The code our templates generate, as a reader sees it: a model, an enumeration and the Retrofit
 * interface are compared with committed copies (golden files) under {@code
 * src/test/resources/golden}, so a change to a template shows in review as a change to code.
 *
 * <p>After an intended change, record the new output with {@code ./mvnw -B -pl api-spec,client -am
 * verify -Dgolden.update=true -Dtest=GeneratedSourcesTest -Dsurefire.failIfNoSpecifiedTests=false}
 * and review {@code git diff client/src/test/resources/golden}.
 */
class GeneratedSourcesTest {
  static final Path GENERATED =
      Path.of("target/generated-sources/openapi/src/main/java/dev/licensewatch/vspc/client");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @ValueSource(strings = {"BackupServerLicense", "PagingInfo", "LicenseStatus", "LicensingApi"})
  void generatedSourceIsTheGoldenOne(String type) throws IOException {
    Path actual = GENERATED.resolve(type + ".java");
    Path expected = GOLDEN.resolve(type + ".java.txt");
    String generated = Files.readString(actual);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, generated);
      return;
    }
    assertThat(expected).as("golden file (record it with -Dgolden.update=true)").exists();
    String golden = Files.readString(expected);
    if (!golden.equals(generated)) {
      String[] want = golden.split("\n", -1);
      String[] got = generated.split("\n", -1);
      int line = 0;
      while (line < want.length && line < got.length && want[line].equals(got[line])) {
        line++;
      }
      fail(
          "%s differs from %s at line %d:%n  expected: %s%n  actual:   %s%n"
              + "If the templates changed on purpose, record the output with -Dgolden.update=true"
              + " (see this class's comment) and review the diff.",
          actual,
          expected,
          line + 1,
          line < want.length ? want[line] : "<end of file>",
          line < got.length ? got[line] : "<end of file>");
    }
  }

  @Test
  void generatedLinesAreShort() throws IOException {
    List<String> longLines = new ArrayList<>();
    try (var files = Files.list(GENERATED)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).length() > 100) {
            longLines.add(file.getFileName() + ":" + (i + 1));
          }
        }
      }
    }
    assertThat(longLines).as("lines over 100 characters").isEmpty();
  }

  @Test
  void everyComponentOfAPublicModelMayBeNull() {
    // Lenient decoding and select leave any property null: the types say so.
    for (Class<?> model :
        List.of(BackupServerLicense.class, PagingInfo.class, ResponseError.class)) {
      for (RecordComponent component : model.getRecordComponents()) {
        assertThat(component.getAnnotatedType().isAnnotationPresent(Nullable.class))
            .as("%s.%s is @Nullable", model.getSimpleName(), component.getName())
            .isTrue();
      }
    }
  }

  @Test
  void theBuildStopsOnAMarkerOfTheTemplatesNamingTheConstruct(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Fine.java"), "final class Fine {}\n");
    Process fine = check(dir);
    assertThat(fine.exitValue()).isZero();

    Files.writeString(
        dir.resolve("Model.java"),
        "final class Model { UNSUPPORTED-BY-TEMPLATES[Model.size: integer of format int64 (Long)] }\n");
    Process stopped = check(dir);
    assertThat(stopped.exitValue()).isEqualTo(1);
    assertThat(new String(stopped.getErrorStream().readAllBytes()))
        .contains("Model.java: Model.size: integer of format int64 (Long)");
  }

  /** Runs the check as the build does: {@code java src/build/UnsupportedByTemplates.java DIR}. */
  private static Process check(Path dir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(java, "src/build/UnsupportedByTemplates.java", dir.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the check ends").isTrue();
    return process;
  }
}

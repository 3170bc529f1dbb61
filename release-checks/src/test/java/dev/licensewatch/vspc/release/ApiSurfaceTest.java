package dev.licensewatch.vspc.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API list and its gate on small libraries compiled here, in two versions. */
class ApiSurfaceTest {
  @TempDir Path dir;

  private static final String V1 =
      """
      package lib;
      public final class Client {
        public static Client create(String url) { return new Client(); }
        public java.util.List<String> names(int limit) { return java.util.List.of(); }
        void hidden() {}
      }
      """;
  private static final String HELPER = "package lib; final class Helper {}";

  private Path jar(String name, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(dir.resolve(name + "-src/lib"));
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey() + ".java");
      Files.writeString(file, e.getValue());
      files.add(file.toString());
    }
    Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    args.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
      }
    }
    return jar;
  }

  @Test
  void listsPublicTypesAndMembersWithTheirGenericSignatures() throws IOException {
    List<String> api = ApiSurface.of(jar("v1", Map.of("Client", V1, "Helper", HELPER)));

    assertThat(api)
        .containsExactly(
            "lib.Client final class extends java.lang.Object",
            "lib.Client public <init> () void",
            "lib.Client public names (int) java.util.List<java.lang.String>",
            "lib.Client public static create (java.lang.String) lib.Client");
  }

  @Test
  void aRemovedOrChangedMemberFailsTheGateAndAnAdditionAsksToBeRecorded() throws IOException {
    List<String> v1 = ApiSurface.of(jar("v1", Map.of("Client", V1)));
    List<String> retyped =
        ApiSurface.of(
            jar(
                "retyped",
                Map.of(
                    "Client",
                    V1.replace("java.util.List<String> names", "java.util.List<Integer> names"))));
    List<String> added =
        ApiSurface.of(
            jar(
                "added",
                Map.of("Client", V1.replace("void hidden() {}", "public void close() {}"))));
    Version released = Version.parse("1.0.0");

    ApiGate retypedGate = ApiGate.check(released, v1, Version.parse("1.1.0-SNAPSHOT"), v1, retyped);
    ApiGate retypedInMajor =
        ApiGate.check(released, v1, Version.parse("2.0.0-SNAPSHOT"), retyped, retyped);
    ApiGate addedGate = ApiGate.check(released, v1, Version.parse("1.1.0-SNAPSHOT"), v1, added);
    ApiGate addedAndRecorded =
        ApiGate.check(released, v1, Version.parse("1.1.0-SNAPSHOT"), added, added);

    assertThat(retypedGate.removed())
        .containsExactly("lib.Client public names (int) java.util.List<java.lang.String>");
    assertThat(retypedGate.problems())
        .first()
        .asString()
        .contains("breaks code compiled against the released 1.0.0", "2.0.0-SNAPSHOT");
    assertThat(retypedInMajor.problems()).isEmpty();
    assertThat(addedGate.removed()).isEmpty();
    assertThat(addedGate.problems())
        .singleElement()
        .asString()
        .contains("new:", "lib.Client public close () void", "-Dapi.accept=true");
    assertThat(addedAndRecorded.problems()).isEmpty();
  }
}

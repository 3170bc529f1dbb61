package dev.licensewatch.vspc.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release, rehearsed: a copy of the sources in another directory is built a second time with
 * {@code -Prelease deploy} (tests skipped: this build has run them), as a release is made. Its
 * artifacts must be byte-identical to this build's (reproducible builds), and its staging
 * repository must hold exactly what Maven Central needs of each published module.
 */
class ReleaseBuildIT {
  static final Path ROOT = Path.of(System.getProperty("root.dir")).toAbsolutePath().normalize();
  static final String VERSION = System.getProperty("project.version");
  static final String GROUP_PATH = "dev/licensewatch/vspc";

  /** The published modules and what each deploys, besides checksums (and signatures). */
  static final Map<String, Set<String>> PUBLISHED =
      Map.of(
          "vspc-licensing-parent",
          Set.of(".pom"),
          "vspc-licensing-api-spec",
          Set.of(".pom", ".jar", "-sources.jar", "-javadoc.jar", "-cyclonedx.json"),
          "vspc-licensing-client",
          Set.of(".pom", ".jar", "-sources.jar", "-javadoc.jar", "-cyclonedx.json"));

  @TempDir static Path work;
  static Path copy;
  static Path staging;

  @BeforeAll
  static void buildTheReleaseAgainElsewhere() throws Exception {
    copy = work.resolve("vspc-licensing");
    copySources(ROOT, copy);
    Path log = work.resolve("release-build.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                copy.resolve("mvnw").toString(),
                "-B",
                "--no-transfer-progress",
                "-Prelease",
                "deploy",
                "-Dmaven.test.skip=true"));
    String repo = System.getProperty("maven.repo.local");
    if (repo != null && !repo.isBlank()) {
      command.add("-Dmaven.repo.local=" + repo);
    }
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(copy.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("MAVEN_ARGS");
    long started = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the release build took over 15 minutes; log: " + log);
    }
    List<String> lines = Files.readAllLines(log);
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "the release build failed ("
              + log
              + "):\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
    }
    System.out.printf(
        "Release build of a copy of the sources: %.0f s%n", (System.nanoTime() - started) / 1e9);
    staging = copy.resolve("target/staging-deploy");
  }

  /** The sources as a clone has them: no build output, no installed npm packages. */
  private static void copySources(Path from, Path to) throws IOException {
    Set<String> skipped = Set.of("target", "node_modules", ".git");
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(from) && skipped.contains(dir.getFileName().toString())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!file.getFileName().toString().equals(".git")) {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Test
  void theStagingRepositoryHoldsExactlyWhatMavenCentralNeeds() throws Exception {
    try (Stream<Path> deployed = Files.list(staging.resolve(GROUP_PATH))) {
      assertThat(deployed.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(PUBLISHED.keySet());
    }
    for (Map.Entry<String, Set<String>> module : PUBLISHED.entrySet()) {
      Map<String, Path> files = artifacts(module.getKey());
      Set<String> expected = new TreeSet<>();
      for (String artifact : module.getValue()) {
        expected.add(artifact);
        expected.add(artifact + ".md5");
        expected.add(artifact + ".sha1");
      }
      assertThat(files.keySet()).as(module.getKey()).containsExactlyInAnyOrderElementsOf(expected);
      for (String artifact : module.getValue()) {
        Path file = files.get(artifact);
        assertThat(Files.readString(files.get(artifact + ".sha1")).trim())
            .as(file.getFileName() + ".sha1")
            .isEqualTo(digest("SHA-1", file));
        assertThat(Files.readString(files.get(artifact + ".md5")).trim())
            .as(file.getFileName() + ".md5")
            .isEqualTo(digest("MD5", file));
      }
      String pom = Files.readString(files.get(".pom"));
      assertThat(pom).as(module.getKey() + " pom").contains("<name>", "<description>");
    }
    String parent = Files.readString(artifacts("vspc-licensing-parent").get(".pom"));
    assertThat(parent)
        .contains(
            "<url>https://github.com/licensewatch/vspc-licensing</url>",
            "<licenses>",
            "<name>Apache-2.0</name>",
            "<developers>",
            "<scm",
            "<connection>");
  }

  @Test
  void thePublishedJarsAreNamedModulesWithTheirLicenseJavadocAndSbom() throws Exception {
    Map<String, String> moduleNames =
        Map.of(
            "vspc-licensing-api-spec", "dev.licensewatch.vspc.spec",
            "vspc-licensing-client", "dev.licensewatch.vspc.client");
    for (Map.Entry<String, String> module : moduleNames.entrySet()) {
      Map<String, Path> files = artifacts(module.getKey());
      Path jar = files.get(".jar");
      assertThat(ModuleFinder.of(jar).findAll())
          .extracting(reference -> reference.descriptor().name())
          .as(module.getKey() + " module name")
          .containsExactly(module.getValue());
      try (JarFile contents = new JarFile(jar.toFile())) {
        assertThat(contents.getEntry("META-INF/LICENSE"))
            .as(module.getKey() + " LICENSE")
            .isNotNull();
      }
      String sbom = Files.readString(files.get("-cyclonedx.json"));
      assertThat(sbom)
          .as(module.getKey() + " SBOM")
          .contains("\"bomFormat\" : \"CycloneDX\"", "\"name\" : \"" + module.getKey() + "\"");
    }
    Map<String, Path> client = artifacts("vspc-licensing-client");
    try (JarFile javadoc = new JarFile(client.get("-javadoc.jar").toFile())) {
      assertThat(javadoc.getEntry("index.html")).isNotNull();
      // Rendered as the module named by Automatic-Module-Name.
      String module = "dev.licensewatch.vspc.client/dev/licensewatch/vspc/client/";
      assertThat(javadoc.getEntry(module + "VspcLicensingClient.html")).isNotNull();
      assertThat(javadoc.getEntry(module + "LicenseStatus.html"))
          .as("javadoc of the generated models")
          .isNotNull();
      assertThat(javadoc.getEntry(module + "LicensingApi.html"))
          .as("the raw Retrofit interface is not public API")
          .isNull();
    }
    assertThat(Files.readString(client.get("-cyclonedx.json")))
        .as("the client's SBOM lists its dependencies")
        .contains("pkg:maven/com.squareup.okhttp3/okhttp-jvm@");
  }

  @Test
  void aSecondBuildGivesByteIdenticalArtifacts() throws Exception {
    Map<String, Path[]> pairs = new TreeMap<>();
    for (String module : List.of("api-spec", "client")) {
      String artifactId = "vspc-licensing-" + module;
      Map<String, Path> staged = artifacts(artifactId);
      for (String artifact : PUBLISHED.get(artifactId)) {
        if (!artifact.equals(".pom")) {
          pairs.put(
              artifactId + "-" + VERSION + artifact,
              new Path[] {
                ROOT.resolve(module)
                    .resolve("target")
                    .resolve(artifactId + "-" + VERSION + artifact),
                staged.get(artifact)
              });
        }
      }
    }
    for (String cli :
        List.of(
            "vspc-licenses.jar",
            "vspc-licenses-" + VERSION + ".zip",
            "vspc-licenses-" + VERSION + ".tar.gz")) {
      pairs.put(
          cli,
          new Path[] {
            ROOT.resolve("cli/target").resolve(cli), copy.resolve("cli/target").resolve(cli)
          });
    }

    List<String> different = new ArrayList<>();
    for (Map.Entry<String, Path[]> pair : pairs.entrySet()) {
      Path first = pair.getValue()[0];
      Path second = pair.getValue()[1];
      assertThat(first).as("this build's " + pair.getKey()).isRegularFile();
      assertThat(second).as("the second build's " + pair.getKey()).isRegularFile();
      String a = digest("SHA-256", first);
      String b = digest("SHA-256", second);
      System.out.printf(
          "%s  %s %s%n", a, pair.getKey(), a.equals(b) ? "(identical)" : "DIFFERS: " + b);
      if (!a.equals(b)) {
        different.add(pair.getKey());
      }
    }
    assertThat(different)
        .as("artifacts that differ between two builds of the same sources")
        .isEmpty();
  }

  /** The files of an artifact's version directory, by what follows {@code artifactId-version}. */
  private static Map<String, Path> artifacts(String artifactId) throws IOException {
    Path dir = staging.resolve(GROUP_PATH).resolve(artifactId).resolve(VERSION);
    String prefix = artifactId + "-" + deployedVersion(dir);
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.toList()) {
        String name = file.getFileName().toString();
        if (!name.startsWith("maven-metadata")) {
          assertThat(name).as("a file of " + artifactId).startsWith(prefix);
          files.put(name.substring(prefix.length()), file);
        }
      }
    }
    return files;
  }

  /** A release deploys as its version; a snapshot under a timestamped one (maven-metadata.xml). */
  private static String deployedVersion(Path dir) throws IOException {
    if (!VERSION.endsWith("-SNAPSHOT")) {
      return VERSION;
    }
    Matcher m =
        Pattern.compile("<value>([^<]+)</value>")
            .matcher(Files.readString(dir.resolve("maven-metadata.xml")));
    assertThat(m.find()).as("a snapshot version in " + dir.resolve("maven-metadata.xml")).isTrue();
    return m.group(1);
  }

  private static String digest(String algorithm, Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
  }
}

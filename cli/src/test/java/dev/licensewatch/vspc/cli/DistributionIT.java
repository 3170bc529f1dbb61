package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable archives, unpacked into an empty directory (no repository around it) and run from
 * there with their own launcher, as an operator would.
 */
class DistributionIT {
  static final Path BASE = Path.of(System.getProperty("cli.distribution"));
  static final String ROOT = BASE.getFileName().toString();
  static final String VERSION = ROOT.substring("vspc-licenses-".length());

  record Run(int code, String out, String err) {}

  @Test
  void theTarGzInstallsAndRunsTheDemoWithItsOwnLauncher(@TempDir Path dir) throws Exception {
    Map<String, Integer> modes = unpack(archive(".tar.gz"), dir);
    Path home = dir.resolve(ROOT);

    assertThat(modes)
        .containsOnlyKeys(
            "bin/vspc-licenses",
            "bin/vspc-licenses.cmd",
            "lib/vspc-licenses.jar",
            "README.md",
            "LICENSE",
            "CHANGELOG.md");
    assertThat(modes.get("bin/vspc-licenses") & 0777).isEqualTo(0755);
    assertThat(modes.get("lib/vspc-licenses.jar") & 0777).isEqualTo(0644);

    Run version = launch(home, dir, "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out())
        .startsWith("vspc-licenses " + VERSION + "\n")
        .contains("VSPC REST API " + VspcLicensingClient.API_VERSION + " ");

    Run demo = launch(home, dir, "--demo", "list");
    assertThat(demo.code()).isZero();
    assertThat(demo.err()).isEmpty();
    assertThat(demo.out()).startsWith("COMPANY").endsWith("42 licences\n");
    // The launcher's start-up options: a class-data archive made next to the jar.
    assertThat(home.resolve("lib/vspc-licenses.jsa")).isNotEmptyFile();

    // Its training run went over HTTPS, as against a real VSPC: TLS comes from the archive, and
    // so does picocli (too old a class-file version for a dynamic archive).
    Path pem = dir.resolve("vspc.pem");
    Path classes = dir.resolve("classes.log");
    try (VspcEmulator vspc = VspcEmulator.builder().tlsCertificatePem(pem).licenses(3).start()) {
      Run https =
          run(
              home.resolve("bin/vspc-licenses"),
              dir,
              Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
              "--url",
              vspc.baseUrl().replace("127.0.0.1", "localhost"),
              "--token",
              VspcEmulator.DEFAULT_TOKEN,
              "--ca-cert",
              pem.toString(),
              "export");
      assertThat(https.code()).as(https.err()).isZero();
    }
    assertThat(Files.readAllLines(classes))
        .anyMatch(l -> l.contains(" dev.licensewatch.vspc.cli.ExportCommand source: shared"))
        .anyMatch(l -> l.contains(" sun.security.ssl.SSLSocketImpl source: shared"))
        .anyMatch(l -> l.contains(" picocli.CommandLine source: shared"));
  }

  @Test
  void theZipHoldsTheSameFilesWithAWindowsLauncherAndRuns(@TempDir Path dir) throws Exception {
    Path tarDir = Files.createDirectories(dir.resolve("tar"));
    Path zipDir = Files.createDirectories(dir.resolve("zip"));
    Map<String, Integer> tar = unpack(archive(".tar.gz"), tarDir);
    Map<String, Integer> zip = unpack(archive(".zip"), zipDir);
    Path home = zipDir.resolve(ROOT);

    assertThat(zip).isEqualTo(tar);
    for (String file : tar.keySet()) {
      if (!file.endsWith(".cmd")) {
        assertThat(home.resolve(file)).hasSameBinaryContentAs(tarDir.resolve(ROOT).resolve(file));
      }
    }
    String cmd = Files.readString(home.resolve("bin/vspc-licenses.cmd"), StandardCharsets.UTF_8);
    assertThat(cmd)
        .startsWith("@echo off\r\n")
        .doesNotContain("\r\r")
        .contains(
            "\\lib\\vspc-licenses.jar",
            "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto",
            "-jar \"%JAR%\" %*");
    assertThat(cmd.replace("\r\n", "")).doesNotContain("\n");

    Run demo = launch(home, dir, "--demo", "list");
    assertThat(demo.code()).isZero();
    assertThat(demo.out()).endsWith("42 licences\n");
  }

  @Test
  void aSymbolicLinkToTheLauncherFindsTheInstallation(@TempDir Path dir) throws Exception {
    unpack(archive(".tar.gz"), dir);
    Path bin = Files.createDirectories(dir.resolve("usr-local-bin"));
    Path link =
        Files.createSymbolicLink(
            bin.resolve("vspc-licenses"), dir.resolve(ROOT).resolve("bin/vspc-licenses"));

    Run run = run(link, dir, "--version");
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("vspc-licenses " + VERSION);
  }

  private static Path archive(String extension) {
    Path archive = BASE.resolveSibling(ROOT + extension);
    assertThat(archive).exists();
    return archive;
  }

  /** Unpacks as tar or unzip would, file modes included; returns the files and their modes. */
  private static Map<String, Integer> unpack(Path archive, Path into) throws IOException {
    Map<String, Integer> modes = new TreeMap<>();
    if (archive.toString().endsWith(".zip")) {
      // The zip's file modes are in its central directory, which only ZipFile reads.
      try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
          try (InputStream in = zip.getInputStream(entry)) {
            extract(entry, entry.getUnixMode(), in, into, modes);
          }
        }
      }
    } else {
      try (TarArchiveInputStream in =
          new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(archive)))) {
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          extract(entry, entry.getMode(), in, into, modes);
        }
      }
    }
    return modes;
  }

  private static void extract(
      ArchiveEntry entry, int mode, InputStream in, Path into, Map<String, Integer> modes)
      throws IOException {
    assertThat(entry.getName()).startsWith(ROOT + "/");
    Path target = into.resolve(entry.getName()).normalize();
    assertThat(target).startsWithRaw(into);
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    Files.copy(in, target);
    Files.setPosixFilePermissions(target, permissions(mode));
    modes.put(entry.getName().substring(ROOT.length() + 1), mode & 0777);
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }

  private static Run launch(Path home, Path workDir, String... args) throws Exception {
    return run(home.resolve("bin/vspc-licenses"), workDir, args);
  }

  private static Run run(Path launcher, Path workDir, String... args) throws Exception {
    return run(launcher, workDir, Map.of(), args);
  }

  /**
   * Runs a launcher with a clean environment (this JDK as JAVA_HOME, a temporary HOME) plus {@code
   * extra}.
   */
  private static Run run(Path launcher, Path workDir, Map<String, String> extra, String... args)
      throws Exception {
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(launcher.toString())
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.command().addAll(java.util.List.of(args));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("VSPC_") || k.equals("JAVA_OPTS"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("HOME", workDir.toString());
    env.putAll(extra);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + pb.command());
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}

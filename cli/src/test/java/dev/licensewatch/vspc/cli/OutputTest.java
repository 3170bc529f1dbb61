package dev.licensewatch.vspc.cli;

import static dev.licensewatch.vspc.cli.Cli.TOKEN;
import static dev.licensewatch.vspc.cli.Cli.against;
import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --output} never replaces what is not a regular file: devices and FIFOs are written
 * to, links are followed, directories and sockets are refused before anything is fetched. Every
 * special file here is made inside the test's temporary directory; no system path is opened ({@code
 * /dev/stdout} and {@code /dev/stderr} are this process's own streams, never opened).
 */
class OutputTest {
  static final int COUNT = 250; // 3 pages of 100
  static VspcEmulator vspc;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    vspc = VspcEmulator.builder().token(TOKEN).licenses(COUNT).seed(5).start();
  }

  @AfterAll
  static void stop() {
    vspc.close();
    Cli.ALL_OUTPUT.forEach(Cli::assertNoSecret);
  }

  private static Cli.Result exportTo(Path output) {
    return Cli.run(
        against(vspc.baseUrl(), "export", "--format", "ndjson", "--output", output.toString()));
  }

  private static void assertNdjsonOfEveryLicense(String text) {
    List<String> lines = text.lines().collect(Collectors.toList());
    assertThat(lines).hasSize(COUNT).allSatisfy(line -> assertThat(line).startsWith("{"));
  }

  /** What the directory holds: nothing left behind, no temporary file. */
  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static String type(Path path) throws IOException {
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return switch (mode & 0170000) {
      case 0010000 -> "fifo";
      case 0020000 -> "character device";
      case 0140000 -> "socket";
      case 0040000 -> "directory";
      case 0100000 -> "file";
      case 0120000 -> "link";
      default -> Integer.toOctalString(mode);
    };
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }

  private static Path mkfifo(Path path) throws IOException, InterruptedException {
    run("mkfifo", path.toString());
    assertThat(type(path)).isEqualTo("fifo");
    return path;
  }

  /** Reads a FIFO to its end on another thread, as {@code cat p &} would. */
  private static final class FifoReader implements AutoCloseable {
    final Path fifo;
    final CompletableFuture<String> text;

    FifoReader(Path fifo) {
      this.fifo = fifo;
      this.text =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Files.readString(
                      fifo, StandardCharsets.UTF_8); // blocks until a writer opens
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }

    String read() throws Exception {
      return text.get(30, TimeUnit.SECONDS);
    }

    /** If no writer ever came, opens the FIFO once so the reader's open returns. */
    @Override
    public void close() throws IOException {
      if (!text.isDone()) {
        try (OutputStream unblock = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
          unblock.flush();
        }
      }
    }
  }

  @Test
  void aFifoIsWrittenToAndStaysAFifo() throws Exception {
    Path fifo = mkfifo(dir.resolve("licences.pipe"));
    try (FifoReader reader = new FifoReader(fifo)) {
      Cli.Result r = exportTo(fifo);
      assertThat(r.code()).as(r.err()).isZero();
      assertNdjsonOfEveryLicense(reader.read());
    }
    assertThat(type(fifo)).isEqualTo("fifo");
    assertThat(names(dir)).containsExactly("licences.pipe");
  }

  @Test
  void aFifoThatFailsMidwayGetsThePagesBeforeTheFailureAndTheErrorSaysSo() throws Exception {
    Path fifo = mkfifo(dir.resolve("licences.pipe"));
    try (VspcEmulator faulty =
            VspcEmulator.builder().token(TOKEN).licenses(COUNT).seed(5).faults("520@2").start();
        FifoReader reader = new FifoReader(fifo)) {
      Cli.Result r = exportNdjsonWithoutRetries(faulty, fifo);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("vspc-licenses: error: ")
          .contains("(the output written to " + fifo + " is incomplete)");
      assertThat(reader.read().lines()).hasSize(100); // the first page
    }
    assertThat(type(fifo)).isEqualTo("fifo");
    assertThat(names(dir)).containsExactly("licences.pipe");
  }

  @Test
  void aCharacterDeviceIsWrittenToAndStaysADevice() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "making a device node needs root (mknod); CI runs as root");
    Path device = dir.resolve("null");
    run("mknod", device.toString(), "c", "1", "3"); // the null device's numbers, in the temp dir
    assertThat(type(device)).isEqualTo("character device");
    try (OutputStream probe = Files.newOutputStream(device, StandardOpenOption.WRITE)) {
      probe.write('\n');
    } catch (java.nio.file.AccessDeniedException e) {
      Assumptions.abort(
          "the temp dir's file system is mounted nodev: its devices cannot be" + " opened");
    }
    Path link = Files.createSymbolicLink(dir.resolve("link-to-null"), device);

    assertThat(exportTo(device).code()).isZero();
    assertThat(exportTo(link).code()).isZero();
    assertThat(type(device)).isEqualTo("character device");
    assertThat(type(link)).isEqualTo("link");
    assertThat(names(dir)).containsExactly("link-to-null", "null");
  }

  @Test
  void devStdoutAndDevStderrAreThisProcesssOwnStreams() {
    for (String stdout : List.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")) {
      Cli.Result r = exportTo(Path.of(stdout));
      assertThat(r.code()).as(stdout).isZero();
      assertNdjsonOfEveryLicense(r.out());
      assertThat(r.err()).isEmpty();
    }
    Cli.Result r = exportTo(Path.of("/dev/stderr"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertNdjsonOfEveryLicense(r.err());
  }

  @Test
  void standardInputIsRefused() {
    Cli.Result r = exportTo(Path.of("/dev/stdin"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--output /dev/stdin is the standard input");
  }

  @Test
  void aLinkToAFileReplacesTheTargetAndKeepsTheLinkAndThePermissions() throws Exception {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path target = Files.writeString(elsewhere.resolve("licences.ndjson"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
    Path link =
        Files.createSymbolicLink(
            dir.resolve("current.ndjson"), Path.of("elsewhere/licences.ndjson"));

    Cli.Result r = exportTo(link);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(type(link)).isEqualTo("link");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("elsewhere/licences.ndjson"));
    assertNdjsonOfEveryLicense(Files.readString(target));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r-----");
    assertThat(names(dir)).containsExactly("current.ndjson", "elsewhere");
    assertThat(names(elsewhere)).containsExactly("licences.ndjson");
  }

  @Test
  void aDanglingLinkGetsItsTargetCreated() throws Exception {
    Path link =
        Files.createSymbolicLink(dir.resolve("latest.ndjson"), dir.resolve("2030-01-01.ndjson"));
    Cli.Result r = exportTo(link);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(type(link)).isEqualTo("link");
    Path created = dir.resolve("2030-01-01.ndjson");
    assertNdjsonOfEveryLicense(Files.readString(created));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)))
        .isEqualTo("rw-------");
  }

  @Test
  void aChainOfLinksIsFollowedToItsEnd() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path file = Files.writeString(sub.resolve("c.ndjson"), "old");
    Files.createSymbolicLink(sub.resolve("b"), Path.of("c.ndjson"));
    Path a = Files.createSymbolicLink(dir.resolve("a"), Path.of("sub/b"));

    assertThat(exportTo(a).code()).isZero();
    assertThat(type(a)).isEqualTo("link");
    assertThat(type(sub.resolve("b"))).isEqualTo("link");
    assertNdjsonOfEveryLicense(Files.readString(file));
    assertThat(names(sub)).containsExactly("b", "c.ndjson");
  }

  @Test
  void aLinkLoopIsRefused() throws Exception {
    Path a = Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
    long before = vspc.stats().licenseRequests();
    Cli.Result r = exportTo(a);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("levels of symbolic links");
    assertThat(vspc.stats().licenseRequests()).as("nothing fetched").isEqualTo(before);
    assertThat(names(dir)).containsExactly("a", "b");
  }

  @Test
  void aDirectoryIsRefusedBeforeAnythingIsFetched() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("exports"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), sub);
    long before = vspc.stats().licenseRequests();
    Cli.Result r = exportTo(sub);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("vspc-licenses: error: --output " + sub + " is a directory");
    Cli.Result viaLink = exportTo(link);
    assertThat(viaLink.code()).isEqualTo(2);
    assertThat(viaLink.err()).contains(link + " (a link to " + sub + ") is a directory");
    assertThat(vspc.stats().licenseRequests()).as("nothing fetched").isEqualTo(before);
    assertThat(names(sub)).isEmpty();
  }

  @Test
  void aSocketIsRefusedAndLeftAlone() throws Exception {
    Path socket = dir.resolve("agent.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThat(type(socket)).isEqualTo("socket");
      long before = vspc.stats().licenseRequests();
      Cli.Result r = exportTo(socket);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("--output " + socket + " is a socket, not a file");
      assertThat(vspc.stats().licenseRequests()).as("nothing fetched").isEqualTo(before);
      assertThat(type(socket)).isEqualTo("socket");
    }
  }

  @Test
  void aMissingDirectoryIsRefusedBeforeAnythingIsFetched() {
    Path missing = dir.resolve("no-such-dir").resolve("licences.json");
    Cli.Result r = exportTo(missing);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("the directory of " + missing + " does not exist");
  }

  @Test
  void aFailureMidWalkLeavesAnExistingFileExactlyAsItWas() throws Exception {
    Path file = Files.writeString(dir.resolve("licences.ndjson"), "yesterday's export\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    Path link = Files.createSymbolicLink(dir.resolve("latest"), file.getFileName());

    // Pages 1 and 2 arrive, then the third fails: the walk ends midway.
    try (VspcEmulator faulty =
        VspcEmulator.builder().token(TOKEN).licenses(COUNT).seed(5).start()) {
      for (Path output : List.of(file, link)) {
        faulty.setFaults("520@3");
        Cli.Result r = exportNdjsonWithoutRetries(faulty, output);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
            .contains("HTTP 520")
            .contains(
                output
                    + (output.equals(link)
                        ? " (a link to " + file + ") was not written"
                        : " was not written"));
        assertThat(faulty.stats().responses(200)).as("pages before the failure").isPositive();
        faulty.resetStats();
      }
    }
    assertThat(Files.readString(file)).isEqualTo("yesterday's export\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    assertThat(Files.getLastModifiedTime(file).toInstant())
        .isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    assertThat(type(link)).isEqualTo("link");
    assertThat(names(dir)).containsExactly("latest", "licences.ndjson");
  }

  /** Exports to {@code output} page by page, a failed request not retried. */
  private static Cli.Result exportNdjsonWithoutRetries(VspcEmulator vspc, Path output) {
    return Cli.run(
        against(
            vspc.baseUrl(),
            Cli.pageByPage(
                "--max-attempts",
                "1",
                "export",
                "--format",
                "ndjson",
                "--output",
                output.toString())));
  }
}

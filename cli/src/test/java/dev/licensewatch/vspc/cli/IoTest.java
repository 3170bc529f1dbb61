package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminal detection: progress goes to stderr only when stderr is a terminal. */
class IoTest {

  @Test
  void underTheTestRunnerStderrIsNotATerminal() {
    // surefire's forked JVM writes stderr into a pipe
    assertThat(Io.stderrIsTerminal()).isFalse();
  }

  @Test
  void aProcFdLinkCountsOnlyWhenItNamesATerminalDevice(@TempDir Path dir) throws IOException {
    assertThat(
            Io.isTerminalDevice(
                Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"))))
        .isTrue();
    assertThat(
            Io.isTerminalDevice(Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"))))
        .isTrue();
    assertThat(
            Io.isTerminalDevice(
                Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[123456]"))))
        .isFalse();
    assertThat(
            Io.isTerminalDevice(
                Files.createSymbolicLink(dir.resolve("log"), Path.of("/var/log/run.log"))))
        .isFalse();
    assertThat(
            Io.isTerminalDevice(
                Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"))))
        .isFalse();
    // no /proc (macOS): the console decides
    assertThat(Io.isTerminalDevice(dir.resolve("absent"))).isTrue();
  }
}

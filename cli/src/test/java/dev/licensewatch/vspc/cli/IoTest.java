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
  void aProcFdLinkCountsOnlyWhenItNamesATerminalDevice() {
    // The names /proc/self/fd shows, read as text: no link here points at a real device.
    assertThat(Io.namesTerminal("/dev/pts/3")).isTrue();
    assertThat(Io.namesTerminal("/dev/tty1")).isTrue();
    assertThat(Io.namesTerminal("pipe:[123456]")).isFalse();
    assertThat(Io.namesTerminal("/var/log/run.log")).isFalse();
    assertThat(Io.namesTerminal("/dev/null")).isFalse();
  }

  @Test
  void aLinkIsJudgedByItsTargetAndNoProcLeavesItToTheConsole(@TempDir Path dir) throws IOException {
    Path log = Files.writeString(dir.resolve("run.log"), "");
    assertThat(Io.isTerminalDevice(Files.createSymbolicLink(dir.resolve("1"), log))).isFalse();
    assertThat(
            Io.isTerminalDevice(
                Files.createSymbolicLink(dir.resolve("2"), Path.of("pipe:[123456]"))))
        .isFalse();
    // no /proc (macOS): the console decides
    assertThat(Io.isTerminalDevice(dir.resolve("absent"))).isTrue();
  }
}

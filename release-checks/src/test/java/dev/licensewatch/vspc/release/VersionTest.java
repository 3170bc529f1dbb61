package dev.licensewatch.vspc.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionTest {
  @Test
  void aSnapshotSortsBeforeItsRelease() {
    assertThat(Version.parse("1.0.0-SNAPSHOT")).isLessThan(Version.parse("1.0.0"));
    assertThat(Version.parse("1.0.0")).isLessThan(Version.parse("1.0.1-SNAPSHOT"));
    assertThat(Version.parse("1.10.0")).isGreaterThan(Version.parse("1.9.3"));
    assertThat(Version.parse("2.0.0-SNAPSHOT").release()).hasToString("2.0.0");
  }

  @Test
  void onlySemanticVersionsAreAccepted() {
    assertThatThrownBy(() -> Version.parse("1.0")).hasMessageContaining("'1.0'");
  }

  @Test
  void theBaselineIsTheNewestReleaseUpToTheVersionBuilt(@TempDir Path dir) throws Exception {
    for (String v : new String[] {"0.9.0", "1.0.0", "1.2.0", "notes"}) {
      Files.createDirectories(dir.resolve(v));
      Files.writeString(dir.resolve(v).resolve("doc.yaml"), v);
    }
    Baselines baselines = new Baselines(dir, "doc.yaml");

    assertThat(baselines.latest(Version.parse("1.1.0-SNAPSHOT"))).contains(Version.parse("1.0.0"));
    assertThat(baselines.latest(Version.parse("1.2.0-SNAPSHOT"))).contains(Version.parse("1.2.0"));
    assertThat(baselines.latest(Version.parse("0.1.0"))).isEmpty();
    assertThat(baselines.read(Version.parse("1.2.0"))).isEqualTo("1.2.0");
  }
}

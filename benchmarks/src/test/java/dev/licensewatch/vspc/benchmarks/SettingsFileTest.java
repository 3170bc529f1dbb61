package dev.licensewatch.vspc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The settings files: every value named, and a wrong one named in the error. */
class SettingsFileTest {

  @Test
  void bothShippedFilesSetEverySettingAndNothingElse() {
    Settings full = Settings.full();
    Settings smoke = Settings.smoke();

    BenchmarkMain.Arguments none = BenchmarkMain.arguments();
    assertThat(none.sections()).containsExactlyInAnyOrderElementsOf(BenchmarkMain.SECTION_NAMES);
    assertThat(none.settings()).isEqualTo(full);
    assertThat(BenchmarkMain.arguments("--smoke").settings()).isEqualTo(smoke);
    assertThat(full.fetchLicences()).isEqualTo(100_000);
    assertThat(full.concurrencies()).containsExactly(1, 2, 4, 8, 16);
    assertThat(full.memoryHeap()).isEqualTo("64m");
    assertThat(full.processLauncher()).isTrue();
    assertThat(smoke.fetchLicences()).isLessThan(full.fetchLicences());
    assertThat(smoke.coldStartScript()).isFalse();
  }

  @Test
  void aValueThatIsNotANumberNamesTheFileAndKey() {
    SettingsFile file = SettingsFile.read("settings-files/not-a-number.properties");

    assertThatThrownBy(() -> file.intValue("fetch.licences"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "settings-files/not-a-number.properties: fetch.licences must be a whole number: 12x");
  }

  @Test
  void aMissingKeyAndAMisspeltOneAreBothNamed() {
    SettingsFile file = SettingsFile.read("settings-files/misspelt.properties");

    assertThatThrownBy(() -> file.intValue("fetch.licences"))
        .hasMessage("settings-files/misspelt.properties: fetch.licences is missing");
    file.longValue("seed");
    assertThatThrownBy(file::requireAllRead)
        .hasMessage("settings-files/misspelt.properties: unknown keys [fetch.licenses]");
  }

  @Test
  void listsAndFlagsAreReadStrictly() {
    SettingsFile file = SettingsFile.read("settings-files/values.properties");

    assertThat(file.intList("list")).containsExactly(1, 2, 4);
    assertThatThrownBy(() -> file.bool("flag"))
        .hasMessageContaining("flag must be true or false: yes");
    assertThatThrownBy(() -> SettingsFile.read("settings-files/none.properties"))
        .hasMessageContaining("no settings file settings-files/none.properties");
  }
}

package dev.licensewatch.vspc.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gates on the real document and the real client jar, against the last released baseline, and
 * proof that each gate fails when it should.
 */
class CompatibilityGatesTest {
  static final Version CURRENT = Version.parse(System.getProperty("project.version"));
  static final Path CHANGELOG = Path.of(System.getProperty("changelog.file"));
  static final Baselines DOCUMENTS =
      new Baselines(Path.of(System.getProperty("spec.baselines")), "vspc-licensing-v3.yaml");
  static final Path CLIENT_JAR = Path.of(System.getProperty("client.jar"));
  static final Path CLIENT_API = Path.of(System.getProperty("client.api"));
  static final Baselines CLIENT_APIS =
      new Baselines(
          Path.of(System.getProperty("client.baselines")), CLIENT_API.getFileName().toString());

  private static Version released(Baselines baselines) {
    return baselines
        .latest(CURRENT)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no released baseline "
                        + "up to "
                        + CURRENT
                        + " in "
                        + baselines.dir()
                        + ": capture one (docs/releasing.md)"));
  }

  /**
   * The document gate for {@code document} at {@code version}, against the current one as 1.4.0.
   */
  private static DocumentGate checkAgainst140(
      Version version, String document, Changelog changelog) {
    return DocumentGate.check(
        Version.parse("1.4.0"), Documents.current(), version, document, changelog);
  }

  @Test
  void theDocumentKeepsTheClientsOfTheLastRelease() {
    Version released = released(DOCUMENTS);
    DocumentGate gate =
        DocumentGate.check(
            released,
            DOCUMENTS.read(released),
            CURRENT,
            Documents.current(),
            Changelog.read(CHANGELOG, CURRENT));

    System.out.println(gate.report());
    assertThat(gate.problems()).isEmpty();
  }

  @Test
  void theClientApiKeepsTheCodeOfTheLastRelease() {
    List<String> built = ApiSurface.of(CLIENT_JAR);
    if (Boolean.getBoolean("api.accept")) {
      ApiLists.write(CLIENT_API, built, ApiLists.CURRENT_HEADER);
    }
    Version released = released(CLIENT_APIS);
    ApiGate gate =
        ApiGate.check(
            released,
            ApiLists.read(CLIENT_APIS.file(released)),
            CURRENT,
            ApiLists.read(CLIENT_API),
            built);

    System.out.println(
        "The client's public API: "
            + built.size()
            + " elements, compared with "
            + released
            + " and "
            + CLIENT_API.getFileName());
    assertThat(gate.problems()).isEmpty();
  }

  @Test
  void aBreakingDocumentFailsTheGateUntilTheMajorVersionChanges() {
    String removedEdition =
        Documents.changed(
            root ->
                ((ObjectNode) Documents.schema(root, "BackupServerLicense").get("properties"))
                    .remove("edition"));
    Version major = Version.parse("2.0.0-SNAPSHOT");
    Changelog silent = Changelog.parse("## [Unreleased]\n\n## [1.4.0]\n", major);
    Changelog listed =
        Changelog.parse(
            "## [Unreleased]\n### Removed\n- `BackupServerLicense.edition`: gone for good.\n",
            major);

    DocumentGate minor = checkAgainst140(Version.parse("1.5.0-SNAPSHOT"), removedEdition, listed);
    DocumentGate majorUnlisted = checkAgainst140(major, removedEdition, silent);
    DocumentGate majorListed = checkAgainst140(major, removedEdition, listed);

    assertThat(minor.problems())
        .singleElement()
        .asString()
        .contains(
            "breaks clients of the released 1.4.0",
            "BackupServerLicense.edition: property removed",
            "2.0.0-SNAPSHOT");
    assertThat(majorUnlisted.problems())
        .singleElement()
        .asString()
        .contains("does not list", "- `BackupServerLicense.edition`: property removed.");
    assertThat(majorListed.problems()).isEmpty();
  }

  @Test
  void aCompatibleChangeMustBeInTheChangelog() {
    String added =
        Documents.changed(
            root -> Documents.enumValues(Documents.schema(root, "LicenseStatus")).add("Suspended"));

    Version minor = Version.parse("1.5.0-SNAPSHOT");
    DocumentGate unlisted =
        checkAgainst140(
            minor,
            added,
            Changelog.parse(
                "## [Unreleased]\n\n## [1.4.0] - 2027-01-15\n- `LicenseStatus`: `Suspended`\n",
                minor));
    DocumentGate listed =
        checkAgainst140(
            minor,
            added,
            Changelog.parse(
                "## [Unreleased]\n### Added\n- `LicenseStatus`: new value `Suspended`.\n", minor));
    DocumentGate listedAtRelease =
        checkAgainst140(
            Version.parse("1.5.0"),
            added,
            Changelog.parse(
                "## [Unreleased]\n\n## [1.5.0] - 2027-02-01\n- `LicenseStatus`: new value `Suspended`.\n",
                Version.parse("1.5.0")));

    assertThat(unlisted.problems())
        .singleElement()
        .asString()
        .contains("- `LicenseStatus`: new enum value `Suspended`.");
    assertThat(listed.problems()).isEmpty();
    assertThat(listedAtRelease.problems()).isEmpty();
    assertThat(listed.report()).contains("compatible LicenseStatus: new enum value Suspended");
  }
}

package dev.licensewatch.vspc.cli;

import static dev.licensewatch.vspc.cli.Cli.TOKEN;
import static dev.licensewatch.vspc.cli.Cli.against;
import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.EnumCasing;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export (json, ndjson, csv), page and list against the emulator's data. */
class ExportTest {
  static final int COUNT = 1037; // 11 pages of 100, the last one short
  static VspcEmulator pascal;
  static VspcEmulator lower;
  static VspcEmulator nulls;
  static List<Map<String, Object>> pascalData;

  @BeforeAll
  static void start() {
    pascal = VspcEmulator.builder().token(TOKEN).licenses(COUNT).seed(11).start();
    lower =
        VspcEmulator.builder()
            .token(TOKEN)
            .licenses(300)
            .seed(12)
            .enumCasing(EnumCasing.LOWER_CASE)
            .unknownEnumShare(0.2)
            .start();
    nulls = VspcEmulator.builder().token(TOKEN).dataset(Dataset.licenseWithNullablesNull()).start();
    pascalData = Raw.licenses(pascal, TOKEN);
    assertThat(pascalData).hasSize(COUNT);
  }

  @AfterAll
  static void stop() {
    pascal.close();
    lower.close();
    nulls.close();
    Cli.ALL_OUTPUT.forEach(Cli::assertNoSecret);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> jsonArray(String out) {
    return (List<Map<String, Object>>) Raw.json(out);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> ndjson(String out) {
    return out.lines().map(line -> (Map<String, Object>) Raw.json(line)).toList();
  }

  static void sameLicenses(List<Map<String, Object>> raw, List<Map<String, Object>> exported) {
    assertThat(exported).hasSize(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      ExpectedExport.sameLicense(raw.get(i), exported.get(i));
    }
  }

  @Test
  void exportJsonIsEveryLicenseAsTheServerSentIt() {
    Cli.Result r = Cli.run(against(pascal.baseUrl(), "export"));
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty(); // no log noise, no progress when not on a terminal
    sameLicenses(pascalData, jsonArray(r.out()));
  }

  @Test
  void exportNdjsonWithOtherPagingSettings() {
    Cli.Result r =
        Cli.run(
            against(
                pascal.baseUrl() + "/api/v3",
                "--page-size",
                "500",
                "--concurrency",
                "1",
                "export",
                "--format",
                "NDJSON"));
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(COUNT);
    sameLicenses(pascalData, ndjson(r.out()));
  }

  @Test
  void exportCsvHasTheHeaderAndOneRowPerLicense() {
    Cli.Result r = Cli.run(against(pascal.baseUrl(), "export", "--format", "csv"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\r\n");
    List<List<String>> rows = Raw.csv(r.out());
    assertThat(rows.get(0)).containsExactlyElementsOf(ExpectedExport.PROPERTIES);
    assertThat(rows).hasSize(COUNT + 1);
    for (int i = 0; i < COUNT; i++) {
      ExpectedExport.sameRow(pascalData.get(i), rows.get(i + 1));
    }
  }

  @Test
  void lowercaseAndUnknownEnumValuesAreCanonicalOrKeptAsSent() {
    List<Map<String, Object>> raw = Raw.licenses(lower, TOKEN);
    Cli.Result json = Cli.run(against(lower.baseUrl(), "export"));
    assertThat(json.code()).isZero();
    List<Map<String, Object>> exported = jsonArray(json.out());
    sameLicenses(raw, exported);
    assertThat(raw).anySatisfy(l -> assertThat(l.get("status")).isEqualTo("valid"));
    assertThat(exported).anySatisfy(l -> assertThat(l.get("status")).isEqualTo("Valid"));
    assertThat(exported).noneSatisfy(l -> assertThat(l.get("status")).isEqualTo("valid"));

    Cli.Result csv = Cli.run(against(lower.baseUrl(), "export", "--format", "csv"));
    List<List<String>> rows = Raw.csv(csv.out());
    for (int i = 0; i < raw.size(); i++) {
      ExpectedExport.sameRow(raw.get(i), rows.get(i + 1));
    }
  }

  @Test
  void nullsAreNullInJsonAndEmptyInCsv() {
    List<Map<String, Object>> raw = Raw.licenses(nulls, TOKEN);
    Cli.Result json = Cli.run(against(nulls.baseUrl(), "--strict", "export"));
    assertThat(json.code()).isZero();
    List<Map<String, Object>> exported = jsonArray(json.out());
    sameLicenses(raw, exported);
    assertThat(exported.get(0))
        .containsEntry("expirationDate", null)
        .containsEntry("edition", null)
        .containsEntry("sockets", null);
    Cli.Result csv = Cli.run(against(nulls.baseUrl(), "export", "--format", "csv"));
    List<List<String>> rows = Raw.csv(csv.out());
    ExpectedExport.sameRow(raw.get(0), rows.get(1));
    assertThat(rows.get(1).get(ExpectedExport.PROPERTIES.indexOf("expirationDate"))).isEmpty();
  }

  @Test
  void exportOfNothingIsAnEmptyArray() {
    try (VspcEmulator empty = VspcEmulator.builder().token(TOKEN).licenses(0).start()) {
      Cli.Result r = Cli.run(against(empty.baseUrl(), "export"));
      assertThat(r.code()).isZero();
      assertThat(jsonArray(r.out())).isEmpty();
      Cli.Result csv = Cli.run(against(empty.baseUrl(), "export", "--format", "csv"));
      assertThat(Raw.csv(csv.out())).hasSize(1);
    }
  }

  @Test
  void exportToAFileReplacesItOnlyWhenComplete(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("licences.csv");
    Cli.Result ok =
        Cli.run(
            against(pascal.baseUrl(), "export", "--format", "csv", "--output", file.toString()));
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).isEmpty();
    assertThat(Raw.csv(Files.readString(file))).hasSize(COUNT + 1);

    Files.writeString(file, "previous content");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Cli.Result failed =
        Cli.run(against("http://127.0.0.1:" + closed, "export", "--output", file.toString()));
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err())
        .startsWith("vspc-licenses: error: ")
        .contains("was not written")
        .contains(file.toString());
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("previous content");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void aNewFileIsTheOwnersOnlyAReplacedOneKeepsItsPermissions(@TempDir Path dir)
      throws IOException {
    Path fresh = dir.resolve("new.json");
    assertThat(Cli.run(against(nulls.baseUrl(), "export", "--output", fresh.toString())).code())
        .isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
        .isEqualTo("rw-------");
    Path shared = dir.resolve("shared.json");
    Files.writeString(shared, "old");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(Cli.run(against(nulls.baseUrl(), "export", "--output", shared.toString())).code())
        .isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
        .isEqualTo("rw-r--r--");
    assertThat(jsonArray(Files.readString(shared))).hasSize(1);
  }

  @Test
  void exportToStdoutFailingMidwaySaysTheOutputIsIncomplete() {
    try (VspcEmulator faulty = failingAfterTwoPages()) {
      Cli.Result r =
          Cli.run(against(faulty.baseUrl(), Cli.pageByPage("export", "--format", "ndjson")));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out().lines()).hasSize(200); // the pages before the failure
      assertThat(r.err())
          .startsWith("vspc-licenses: error: ")
          .contains("(the output is incomplete)");
      assertThat(r.err().lines()).hasSize(1);
    }
  }

  @Test
  void progressOnlyOnATerminalAndNeverIntoLicensesOnIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("licences.ndjson");
    // Progress is for long walks (10 pages or more): 11 pages of 100 here.
    Cli.Result toFile =
        Cli.runOnTerminal(
            against(
                pascal.baseUrl(),
                "--page-size",
                "100",
                "export",
                "--format",
                "ndjson",
                "--output",
                file.toString()));
    assertThat(toFile.code()).isZero();
    assertThat(toFile.err())
        .contains("pages fetched ", "/11")
        .endsWith("wrote " + COUNT + " licences to " + file + "\n");
    assertThat(Files.readAllLines(file)).hasSize(COUNT);
    Path one = dir.resolve("one.ndjson");
    assertThat(
            Cli.runOnTerminal(
                    against(
                        nulls.baseUrl(),
                        "export",
                        "--format",
                        "ndjson",
                        "--output",
                        one.toString()))
                .err())
        .isEqualTo("wrote 1 licence to " + one + "\n");

    Cli.Result list = Cli.runOnTerminal(against(pascal.baseUrl(), "--page-size", "100", "list"));
    assertThat(list.err()).contains("pages fetched ").endsWith("\r\033[K");
    assertThat(list.out()).startsWith("COMPANY");

    // licences on the terminal: no progress mixed in; short walks: none either
    assertThat(Cli.runOnTerminal(against(pascal.baseUrl(), "--page-size", "100", "export")).err())
        .isEmpty();
    assertThat(Cli.runOnTerminal(against(nulls.baseUrl(), "list")).err()).isEmpty();
    // not a terminal: none
    assertThat(Cli.run(against(pascal.baseUrl(), "--page-size", "100", "list")).err()).isEmpty();
    // the default pages of 500: 3 pages, too short a walk for progress
    assertThat(Cli.runOnTerminal(against(pascal.baseUrl(), "list")).err()).isEmpty();
  }

  @Test
  void exportFailingMidwayLeavesNoFile(@TempDir Path dir) {
    try (VspcEmulator faulty = failingAfterTwoPages()) {
      Path file = dir.resolve("out.json");
      Cli.Result r =
          Cli.run(against(faulty.baseUrl(), Cli.pageByPage("export", "--output", file.toString())));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("was not written");
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void pageWithoutOptionsUsesTheServerDefaults() {
    Cli.Result r = Cli.run(against(pascal.baseUrl(), "page"));
    assertThat(r.code()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> page = (Map<String, Object>) Raw.json(r.out());
    assertThat(page).containsOnlyKeys("meta", "data");
    assertThat(page.get("meta"))
        .isEqualTo(
            Map.of("pagingInfo", Map.of("total", (double) COUNT, "count", 100.0, "offset", 0.0)));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
    sameLicenses(pascalData.subList(0, 100), data);
  }

  @Test
  void pageWithLimitAndOffsetIsExactlyThatPage() {
    Cli.Result r = Cli.run(against(pascal.baseUrl(), "page", "--limit", "7", "--offset", "1030"));
    assertThat(r.code()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> page = (Map<String, Object>) Raw.json(r.out());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
    sameLicenses(pascalData.subList(1030, 1037), data);
    assertThat(Cli.run(against(pascal.baseUrl(), "page", "--limit", "501")).code()).isEqualTo(2);
  }

  @Test
  void listIsATableSortedByExpiryWithNeverLast() {
    try (VspcEmulator small =
        VspcEmulator.builder().token(TOKEN).licenses(60).seed(3).today(LocalDate.now()).start()) {
      Cli.Result r = Cli.run(against(small.baseUrl(), "list"));
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      List<String> lines = r.out().lines().toList();
      assertThat(lines.get(0))
          .startsWith("COMPANY")
          .contains("EDITION", "STATUS", "TYPE", "UNITS USED/TOTAL", "EXPIRES", "DAYS LEFT");
      assertThat(lines).hasSize(60 + 2);
      assertThat(lines.get(61)).isEqualTo("60 licences");
      int expiresAt = lines.get(0).indexOf("EXPIRES");
      List<String> dates =
          lines.subList(1, 61).stream()
              .map(l -> l.substring(expiresAt, expiresAt + 10).trim())
              .toList();
      List<String> dated = dates.stream().filter(d -> !d.equals("never")).toList();
      assertThat(dated).isSorted();
      assertThat(dates.subList(dated.size(), dates.size())).allMatch(d -> d.equals("never"));
    }
  }

  /**
   * 500 licences whose third page fails, with its retries: walked {@link Cli#pageByPage}, two pages
   * arrive first.
   */
  private static VspcEmulator failingAfterTwoPages() {
    return VspcEmulator.builder()
        .token(TOKEN)
        .licenses(500)
        .faults("520@3,520@4,520@5,520@6")
        .start();
  }
}

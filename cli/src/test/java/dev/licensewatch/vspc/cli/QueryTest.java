package dev.licensewatch.vspc.cli;

import static dev.licensewatch.vspc.cli.Cli.TOKEN;
import static dev.licensewatch.vspc.cli.Cli.against;
import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.AsyncAnswers;
import dev.licensewatch.vspc.emulator.LoggedRequest;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --filter, --sort and --columns end to end: the command line's syntax, what the server is asked,
 * what crosses the network (the emulator's request log) and what is printed.
 */
class QueryTest {
  static final int COUNT = 730; // 8 pages of 100
  static VspcEmulator vspc;
  static List<Map<String, Object>> all;

  @BeforeAll
  static void start() {
    vspc =
        VspcEmulator.builder()
            .token(TOKEN)
            .licenses(COUNT)
            .seed(23)
            .today(LocalDate.of(2026, 6, 1))
            .start();
    all = Raw.licenses(vspc, TOKEN);
  }

  @AfterAll
  static void stop() {
    vspc.close();
    Cli.ALL_OUTPUT.forEach(Cli::assertNoSecret);
  }

  @BeforeEach
  void clearTheLog() {
    vspc.resetStats();
    vspc.setAsync(AsyncAnswers.none());
  }

  private static List<Map<String, Object>> where(
      java.util.function.Predicate<Map<String, Object>> keep) {
    return all.stream().filter(keep).toList();
  }

  private static Instant expiry(Map<String, Object> license) {
    Object date = license.get("expirationDate");
    return date == null ? null : OffsetDateTime.parse((String) date).toInstant();
  }

  private static List<LoggedRequest> licenseRequests() {
    return vspc.requestLog().stream()
        .filter(r -> r.path().equals(VspcEmulator.LICENSES_PATH))
        .toList();
  }

  @Test
  void exportTheExpiredLicensesAndOnlyTheyCrossTheNetwork() {
    List<Map<String, Object>> expired = where(l -> "Expired".equals(l.get("status")));
    assertThat(expired).hasSizeBetween(20, COUNT / 4);

    Cli.Result r = export("--filter", "status=Expired", "--columns", "company,expirationDate");

    assertThat(r.code()).as(r.err()).isZero();
    List<Map<String, Object>> printed = ExportTest.jsonArray(r.out());
    assertThat(printed)
        .allSatisfy(row -> assertThat(row.keySet()).containsExactly("company", "expirationDate"));
    assertThat(printed)
        .extracting(row -> row.get("company"))
        .containsExactlyElementsOf(expired.stream().map(l -> l.get("company")).toList());
    assertThat(printed)
        .extracting(QueryTest::expiry)
        .containsExactlyElementsOf(expired.stream().map(QueryTest::expiry).toList());
    List<LoggedRequest> requests = licenseRequests();
    assertThat(requests)
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.status()).isEqualTo(200);
              assertThat(request.queryParameter("filter"))
                  .contains("\"property\":\"status\"", "\"value\":\"Expired\"");
              assertThat(request.queryParameter("select"))
                  .isEqualTo(
                      "[{\"propertyPath\":\"company\"},{\"propertyPath\":\"expirationDate\"}]");
            });
    assertThat(requests.stream().mapToInt(LoggedRequest::licenses).sum())
        .as("licences that crossed the network")
        .isEqualTo(expired.size());
    assertThat(vspc.stats().licensesServed()).isEqualTo(expired.size());
  }

  @Test
  void repeatedFiltersAreCombinedAndDatesAreMidnightUtc() {
    Instant cut = Instant.parse("2027-01-01T00:00:00Z");
    List<Map<String, Object>> expected =
        where(
            l ->
                expiry(l) != null
                    && expiry(l).isBefore(cut)
                    && String.valueOf(l.get("company")).toLowerCase().contains("a")
                    && !"Community".equals(l.get("type")));
    Cli.Result r =
        export(
            "--format",
            "ndjson",
            "--filter",
            "expirationDate<2027-01-01",
            "--filter",
            "company~A",
            "--filter",
            "type!=community");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ExportTest.ndjson(r.out()))
        .extracting(l -> l.get("backupServerUid"))
        .containsExactlyElementsOf(expected.stream().map(l -> l.get("backupServerUid")).toList());
  }

  @Test
  void aDateIsMidnightUtcOnlyForADateTimeProperty() {
    Cli.Result r =
        export("--filter", "company=2027-01-01", "--filter", "expirationDate>=2027-01-01");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(licenseRequests())
        .isNotEmpty()
        .allSatisfy(
            request ->
                assertThat(request.queryParameter("filter"))
                    .contains("\"value\":\"2027-01-01\"")
                    .contains("\"value\":\"2027-01-01T00:00:00.0000000+00:00\""));
  }

  @Test
  void sortIsTheServersAndListKeepsIt() {
    Cli.Result r =
        export(
            "--format",
            "csv",
            "--filter",
            "status=Warning|Expired",
            "--sort",
            "-expirationDate,company",
            "--columns",
            "company,status,expirationDate");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("company,status,expirationDate");
    List<Map<String, Object>> expected =
        where(l -> "Warning".equals(l.get("status")) || "Expired".equals(l.get("status"))).stream()
            .sorted(
                Comparator.comparing(
                    QueryTest::expiry, Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();
    assertThat(lines).hasSize(expected.size() + 1);
    assertThat(lines.subList(1, lines.size()))
        .extracting(
            line -> {
              String date = line.substring(line.lastIndexOf(',') + 1);
              return date.isEmpty() ? null : OffsetDateTime.parse(date).toInstant();
            })
        .containsExactlyElementsOf(expected.stream().map(QueryTest::expiry).toList());

    Cli.Result list =
        Cli.run(against(vspc.baseUrl(), "list", "--filter", "status=Expired", "--sort", "company"));
    List<String> companies =
        list.out()
            .lines()
            .skip(1)
            .filter(line -> !line.endsWith("licences"))
            .map(line -> line.split("\\s{2,}")[0])
            .toList();
    assertThat(companies).isSortedAccordingTo(Comparator.naturalOrder()).isNotEmpty();
  }

  @Test
  void checkLooksOnlyAtWhatTheFilterKeeps() {
    long community = where(l -> "Community".equals(l.get("type"))).size();
    Cli.Result r =
        Cli.run(
            against(vspc.baseUrl(), "check", "--filter", "type=Community", "--now", "2026-06-01"));
    assertThat(r.out()).contains("licenses=" + community + " ");
  }

  @Test
  void aQueuedAnswerIsFollowed() {
    vspc.setAsync(AsyncAnswers.parse("succeed:1"));
    Cli.Result r = export("--filter", "status=Unknown", "--columns", "company");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ExportTest.jsonArray(r.out()))
        .hasSize(where(l -> "Unknown".equals(l.get("status"))).size());
    assertThat(vspc.requestLog()).extracting(LoggedRequest::status).contains(202);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fail:1, '; try again later, and check the server''s health'",
    "cancel:1, '; try again later, and check the server''s health'"
  })
  void aQueuedAnswerThatEndsBadlyIsOneErrorNamingTheAction(String async, String hint) {
    vspc.setAsync(AsyncAnswers.parse(async));

    Cli.Result r = export("--filter", "status=Unknown", "--columns", "company");

    ErrorsTest.oneErrorLine(r, 1, hint);
    String actionId =
        vspc.requestLog().stream()
            .map(LoggedRequest::path)
            .filter(path -> path.startsWith("/api/v3/asyncActions/"))
            .findFirst()
            .orElseThrow()
            .substring("/api/v3/asyncActions/".length())
            .replaceAll("/.*", "");
    assertThat(r.err()).contains(actionId);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--filter|expiryDate<2027-01-01|bad --filter 'expiryDate<2027-01-01': unknown property 'expiryDate' in filter; licences have backupServerUid,",
        "--filter|status|bad --filter 'status' is not PROPERTY OPERATOR VALUE",
        "--filter|status=|bad --filter 'status=' has no value after =",
        "--filter|expirationDate<soon|bad --filter 'expirationDate<soon': lessThan on 'expirationDate' needs a date-time with an offset",
        "--filter|expirationDate<2027-02-30|bad --filter 'expirationDate<2027-02-30': '2027-02-30' is not a date",
        "--filter|units~5|bad --filter 'units~5': contains needs a string or a list, but 'units' is a number",
        "--filter|status<null|bad --filter 'status<null': null goes alone, with = or !=",
        "--sort|-expiry|bad --sort '-expiry': unknown property 'expiry' in sort",
        "--sort|company,,status|bad --sort 'company,,status': an empty property name",
        "--columns|company,nope|bad --columns: unknown property 'nope' in select"
      })
  void aBadExpressionIsAUsageErrorNamingIt(String option, String value, String message) {
    String command = option.equals("--columns") ? "export" : "list";
    Cli.Result r = Cli.run(against(vspc.baseUrl(), command, option, value));
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .startsWith("vspc-licenses: error: " + message)
        .contains("see 'vspc-licenses " + command + " --help'");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(vspc.requestLog()).as("nothing sent").isEmpty();
  }

  @Test
  void forCheckABadExpressionIsUnknown() {
    Cli.Result r = Cli.run(against(vspc.baseUrl(), "check", "--filter", "statuz=Expired"));
    assertThat(r.code()).isEqualTo(CheckCommand.UNKNOWN);
    assertThat(r.out())
        .startsWith("LICENSES UNKNOWN - bad --filter 'statuz=Expired': unknown property 'statuz'");
  }

  @Test
  void theHelpExplainsTheSyntaxWithExamples() {
    for (String command : List.of("list", "export", "check")) {
      String help = Cli.run(command, "--help").out();
      assertThat(help)
          .contains(
              "--filter=EXPR",
              "--sort=[-]PROP[,...]",
              "Filters: --filter PROPERTY OPERATOR VALUE",
              "--filter 'expirationDate<2027-01-01'",
              "a|b means a or b",
              "--sort -expirationDate,company");
    }
    assertThat(Cli.run("export", "--help").out())
        .contains(
            "--columns=PROP", "export --filter status=Expired --columns company,expirationDate");
  }

  /** {@code vspc-licenses export} with {@code options}, against {@link #vspc}. */
  private static Cli.Result export(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "export";
    System.arraycopy(options, 0, args, 1, options.length);
    return Cli.run(against(vspc.baseUrl(), args));
  }
}

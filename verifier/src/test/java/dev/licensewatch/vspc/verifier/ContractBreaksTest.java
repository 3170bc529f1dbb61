package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.ContractBreak;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each contract break of the emulator makes verify fail with a message naming exactly that break,
 * and nothing unrelated fails; additions pass with a warning (and fail with strict).
 */
class ContractBreaksTest {
  private static final String LARGEST_PAGE =
      "pact.a-request-for-the-largest-page-limit-500-of-full-licences";

  /** The Pact interactions whose expected pagingInfo.offset is pinned (no matcher). */
  private static final List<String> OFFSET_PINNED =
      List.of(
          "pact.a-request-for-the-first-page-with-the-server-s-default-paging",
          "pact.a-request-for-a-middle-page-limit-100-offset-100",
          "pact.a-request-for-the-last-partial-page-limit-100-offset-200",
          "pact.a-request-with-an-offset-past-the-end-limit-100-offset-300",
          LARGEST_PAGE,
          "pact.the-auto-pager-s-request-for-page-1-of-3-limit-2-offset-0",
          "pact.the-auto-pager-s-request-for-page-2-of-3-limit-2-offset-2",
          "pact.the-auto-pager-s-request-for-page-3-of-3-limit-2-offset-4",
          "pact.a-request-for-the-expired-licences-filter",
          "pact.a-request-sorted-by-expiration-date-latest-first-sort");

  private static VerificationReport verify(ContractBreak b) {
    try (VspcEmulator vspc = Verify.emulator(e -> e.licenses(120).contractBreaks(Set.of(b)))) {
      return Verify.run(Verify.against(vspc));
    }
  }

  /**
   * A break, the check that must fail, words its first break must contain, and the other checks
   * allowed to fail with it (the pact pins some of the same things).
   */
  static Stream<Arguments> breaks() {
    return Stream.of(
        Arguments.of(
            ContractBreak.NULL_IN_NON_NULLABLE,
            "document.body",
            List.of("$.data[", "].company", "null", "not nullable", "licence backupServerUid"),
            List.of(LARGEST_PAGE)),
        Arguments.of(
            ContractBreak.COUNT_MISMATCH,
            "paging.count",
            List.of("$.meta.pagingInfo.count", "count differs", "101, data has 100"),
            List.of()),
        Arguments.of(
            ContractBreak.OFFSET_NOT_ECHOED,
            "paging.offset",
            List.of("$.meta.pagingInfo.offset", "0, asked for 100"),
            OFFSET_PINNED),
        Arguments.of(
            ContractBreak.DATE_WITHOUT_OFFSET,
            "document.date-times",
            List.of("].expirationDate", "without a UTC offset", "licence"),
            List.of(LARGEST_PAGE)),
        Arguments.of(
            ContractBreak.WRONG_CONTENT_TYPE,
            "document.status",
            List.of("text/html", "Content-Type"),
            OFFSET_PINNED),
        Arguments.of(
            ContractBreak.LIMIT_501_ACCEPTED,
            "paging.limit-too-large",
            List.of("got HTTP 200 with 120 licences instead of 400", "limit=501"),
            List.of("pact.a-request-with-limit-out-of-range-limit-501")),
        Arguments.of(
            ContractBreak.PROPERTY_RENAMED,
            "document.properties",
            List.of("$.data[*].expirationDate", "no licence of", "expiryDate", "renamed"),
            List.of(LARGEST_PAGE)),
        Arguments.of(
            ContractBreak.TOTAL_CHANGES,
            "paging.total-stable",
            List.of(
                "$.meta.pagingInfo.total",
                "changed during the walk",
                "121, the first page said 120"),
            List.of()));
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @MethodSource("breaks")
  void eachBreakFailsItsCheck(
      ContractBreak b, String check, List<String> words, List<String> alsoAllowed) {
    VerificationReport report = verify(b);
    Check failed = report.check(check);
    assertThat(failed).as(check).isNotNull();
    assertThat(failed.status()).as(report.toText(false)).isEqualTo(Check.Status.FAILED);
    Finding first = failed.first(Finding.Severity.BREAK);
    assertThat(first).isNotNull();
    assertThat(first.describe()).contains(words);
    assertThat(Verify.ids(report, Check.Status.FAILED))
        .as(report.toText(false))
        .contains(check)
        .allSatisfy(id -> assertThat(id).isIn(concat(check, alsoAllowed)));
    assertThat(Verify.ids(report, Check.Status.ERROR)).isEmpty();
    assertThat(report.outcome()).isEqualTo(VerificationReport.Outcome.BROKEN);
    assertThat(report.exitCode(false)).isEqualTo(VerificationReport.EXIT_BROKEN);
    assertThat(report.toText(false)).contains("FAIL  " + check + ":").contains(words);
  }

  @ParameterizedTest(name = "{0} is an addition")
  @MethodSource("additions")
  void additionsPassWithAWarning(ContractBreak addition, String path, String words) {
    VerificationReport report = verify(addition);
    assertThat(Verify.ids(report, Check.Status.FAILED)).as(report.toText(false)).isEmpty();
    assertThat(Verify.ids(report, Check.Status.WARNING)).containsExactly("document.additions");
    Finding found = report.check("document.additions").first(Finding.Severity.ADDITION);
    assertThat(found.describe()).contains(path).contains(words);
    assertThat(report.outcome()).isEqualTo(VerificationReport.Outcome.CONFORMS_WITH_ADDITIONS);
    assertThat(report.exitCode(false)).isEqualTo(VerificationReport.EXIT_CONFORMS);
    assertThat(report.exitCode(true)).isEqualTo(VerificationReport.EXIT_BROKEN);
    assertThat(report.toText(false)).contains("WARN  document.additions:");
    assertThat(report.toText(true)).contains("FAIL  document.additions:");
  }

  static Stream<Arguments> additions() {
    return Stream.of(
        Arguments.of(
            ContractBreak.NEW_ENUM_VALUE,
            "].status",
            "a value the document does not list (known: Unknown, Valid, Warning, Error, Expired,"
                + " Unlicensed) (was 'Suspended')"),
        Arguments.of(
            ContractBreak.NEW_PROPERTY,
            "].region",
            "a property the document does not declare (was \"EU\")"));
  }

  @Test
  void everyBreakOfTheEmulatorIsCovered() {
    List<Object> covered = Stream.concat(breaks(), additions()).map(a -> a.get()[0]).toList();
    assertThat(covered).containsExactlyInAnyOrder((Object[]) ContractBreak.values());
  }

  private static List<String> concat(String check, List<String> more) {
    return Stream.concat(Stream.of(check), more.stream()).toList();
  }
}

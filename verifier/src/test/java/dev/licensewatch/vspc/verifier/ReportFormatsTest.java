package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensewatch.vspc.emulator.ContractBreak;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report as CI servers and scripts read it: the JUnit XML read back by Maven's own JUnit report
 * parser (surefire-report-parser, what Maven site reports use), the JSON by Jackson.
 */
class ReportFormatsTest {
  static VerificationReport broken;

  @BeforeAll
  static void verifyABrokenServer() {
    try (VspcEmulator vspc =
        Verify.emulator(
            b ->
                b.licenses(120)
                    .contractBreaks(
                        Set.of(ContractBreak.NULL_IN_NON_NULLABLE, ContractBreak.NEW_PROPERTY)))) {
      broken = Verify.run(Verify.against(vspc).pageSize(50));
    }
  }

  static List<ReportTestSuite> parse(String xml) throws Exception {
    TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
    List<ReportTestSuite> suites =
        parser.parse(
            new InputStreamReader(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    assertThat(parser.isValid()).as("the parser read it as a JUnit report").isTrue();
    return suites;
  }

  static List<ReportTestCase> cases(List<ReportTestSuite> suites) {
    return suites.stream().flatMap(s -> s.getTestCases().stream()).toList();
  }

  @Test
  void junitXmlHasOneTestCasePerCheckAndFailuresWithTheirJsonPaths() throws Exception {
    List<ReportTestSuite> suites = parse(broken.toJunitXml(false));
    List<ReportTestCase> cases = cases(suites);
    assertThat(cases).hasSize(broken.checks().size());
    assertThat(cases)
        .extracting(ReportTestCase::getFullClassName)
        .containsOnly(
            "vspc.verify.document", "vspc.verify.paging", "vspc.verify.auth", "vspc.verify.pact");
    assertThat(cases)
        .extracting(ReportTestCase::getName)
        .contains("paging.count: count equals the number of licences in data");
    ReportTestCase body =
        cases.stream()
            .filter(c -> c.getName().startsWith("document.body: "))
            .findFirst()
            .orElseThrow();
    assertThat(body.hasFailure()).isTrue();
    assertThat(body.getFullClassName()).isEqualTo("vspc.verify.document");
    assertThat(body.getFailureType()).isEqualTo("contract break");
    assertThat(body.getFailureMessage()).matches("\\$\\.data\\[\\d+\\]\\.company: null, .*");
    assertThat(body.getFailureDetail())
        .contains("break: $.data[", "].company", "licence backupServerUid ");
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum())
        .isEqualTo((int) broken.count(Check.Status.FAILED));
    assertThat(cases.stream().filter(ReportTestCase::hasSkipped).count())
        .isEqualTo(broken.count(Check.Status.NOT_VERIFIABLE));
    ReportTestCase additions =
        cases.stream()
            .filter(c -> c.getName().startsWith("document.additions: "))
            .findFirst()
            .orElseThrow();
    assertThat(additions.isSuccessful()).as("additions pass without strict").isTrue();
  }

  @Test
  void withStrictAdditionsAreFailures() throws Exception {
    ReportTestCase additions =
        cases(parse(broken.toJunitXml(true))).stream()
            .filter(c -> c.getName().startsWith("document.additions: "))
            .findFirst()
            .orElseThrow();
    assertThat(additions.hasFailure()).isTrue();
    assertThat(additions.getFailureType()).isEqualTo("addition (strict)");
    assertThat(additions.getFailureMessage())
        .contains("].region: a property the document does not declare");
  }

  @Test
  void aReportThatCouldNotRunIsOneError() throws Exception {
    VerificationReport report =
        VerificationReport.couldNotRun(
            "https://vspc.example.com:1280/", "cannot connect: Connection refused");
    List<ReportTestCase> cases = cases(parse(report.toJunitXml(false)));
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).hasError()).isTrue();
    assertThat(cases.get(0).getFailureMessage()).isEqualTo("cannot connect: Connection refused");
    assertThat(report.exitCode(false)).isEqualTo(VerificationReport.EXIT_COULD_NOT_RUN);
  }

  @Test
  void xmlCarriesWhatAServerSendsEvenControlCharacters() throws Exception {
    Check odd =
        new Check(
            "document.body",
            "document",
            "t <&> \"q\"",
            Check.Status.FAILED,
            "d\u0001etail",
            List.of(
                Finding.of(Finding.Severity.BREAK, "bad \u0007 byte <x>")
                    .at("$.data[0]['a b']", null)),
            java.time.Duration.ZERO);
    VerificationReport report =
        new VerificationReport(
            "http://x/",
            "3.6.1",
            java.time.Instant.now(),
            java.time.Duration.ZERO,
            1,
            0,
            List.of(odd),
            null);
    ReportTestCase c = cases(parse(report.toJunitXml(false))).get(0);
    assertThat(c.getName()).isEqualTo("document.body: t <&> \"q\"");
    assertThat(c.getFailureMessage()).isEqualTo("$.data[0]['a b']: bad ? byte <x>");
  }

  @Test
  void jsonHasEveryCheckAndFinding() throws Exception {
    JsonNode json = Exchange.JSON.readTree(broken.toJson(false));
    assertThat(json.get("outcome").asText()).isEqualTo("broken");
    assertThat(json.get("exitCode").asInt()).isEqualTo(1);
    assertThat(json.get("checks")).hasSize(broken.checks().size());
    assertThat(json.get("summary").get("failed").asInt())
        .isEqualTo((int) broken.count(Check.Status.FAILED));
    JsonNode body = null;
    for (JsonNode check : json.get("checks")) {
      if (check.get("id").asText().equals("document.body")) {
        body = check;
      }
    }
    JsonNode finding = body.get("findings").get(0);
    assertThat(finding.get("severity").asText()).isEqualTo("break");
    assertThat(finding.get("path").asText()).matches("\\$\\.data\\[\\d+\\]\\.company");
    assertThat(finding.get("licence").asText()).startsWith("backupServerUid ");
    assertThat(finding.get("request").asText()).startsWith("GET /api/v3/licensing/backupServers?");
    assertThat(finding.get("occurrences").asInt()).isGreaterThan(1);
  }

  @Test
  void textSummarySaysWhatFailedAndTheExitCode() {
    String text = broken.toText(false);
    assertThat(text)
        .contains(
            "  FAIL  document.body: ",
            "  WARN  document.additions: ",
            "        x $.data[",
            "        + $.data[");
    assertThat(text.strip()).endsWith("; exit 1").contains("BROKEN - ");
  }
}

package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.TOKEN;
import static dev.licensewatch.vspc.client.Fixtures.errors;
import static dev.licensewatch.vspc.client.Fixtures.json;
import static dev.licensewatch.vspc.client.Fixtures.license;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of client/README.md, docs/guide.md and docs/queries.md, all compiled and all but
 * "Build a client" run against a local server, so that they stay true.
 */
class ReadmeExamplesTest {
  static final Path README = Path.of("README.md");
  static final Path GUIDE = Path.of("docs/guide.md");
  static final Path QUERIES = Path.of("docs/queries.md");

  final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyJavaBlockCompilesAgainstThePublicApi() {
    for (Path markdown : List.of(README, GUIDE, QUERIES)) {
      List<String> blocks = MarkdownExamples.javaBlocks(markdown);
      assertThat(blocks).as("java blocks of %s", markdown).isNotEmpty();
      for (int i = 0; i < blocks.size(); i++) {
        assertThat(MarkdownExamples.compile(markdown, i, blocks.get(i))).isNotNull();
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"README.md, ### Stream all licences", "docs/guide.md, ## Stream all licences"})
  void streamAllLicenses(Path doc, String heading) throws Exception {
    server.enqueue(
        ok(
            page(
                3,
                0,
                List.of(
                    license(0),
                    license(1).replace("\"Valid\"", "\"Expired\""),
                    license(2).replace("\"Valid\"", "\"expired\"")))));
    server.start();
    List<String> lines;
    try (VspcLicensingClient client =
        VspcLicensingClient.builder()
            .baseUrl("http://localhost:" + server.getPort() + "/api/v3/")
            .token(TOKEN)
            .build()) {
      lines = MarkdownExamples.after(doc, heading).runWith(client).printedLines();
    }
    assertThat(lines).containsExactly("Company 1 null", "Company 2 null");
  }

  @Test
  void letTheServerFilterSortAndSelect() throws Exception {
    server.enqueue(
        ok(page(2, 0, List.of(QueryRequestsTest.selected(1), QueryRequestsTest.selected(2)))));
    List<String> lines = printedLines(README, "### Let the server filter, sort and select");
    assertThat(lines).containsExactly("Company 1 2026-02-01T00:00Z", "Company 2 2026-03-01T00:00Z");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().queryParameter("filter"))
        .isEqualTo(
            "[{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"Expired\"}]");
    assertThat(request.getUrl().queryParameter("sort"))
        .isEqualTo("[{\"property\":\"expirationDate\",\"direction\":\"descending\"}]");
    assertThat(request.getUrl().queryParameter("select"))
        .isEqualTo("[{\"propertyPath\":\"company\"},{\"propertyPath\":\"expirationDate\"}]");
  }

  @Test
  void queriesPageExample() throws Exception {
    server.enqueue(ok(page(1, 0, List.of(QueryRequestsTest.selected(1)))));
    List<String> lines = printedLines(QUERIES, "## Filter, sort and select");
    assertThat(lines).containsExactly("Company 1 2026-02-01T00:00Z");
    assertThat(server.takeRequest().getUrl().queryParameter("filter"))
        .contains(
            "{\"property\":\"expirationDate\",\"operation\":\"lessThan\",\"value\":\"2027-01-01T00:00:00.0000000+00:00\"}");
  }

  @ParameterizedTest
  @CsvSource({"README.md, ### Handle errors", "docs/guide.md, ## Handle errors"})
  void handleErrors(Path doc, String heading) throws Exception {
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          json(403, errors("Access to the requested resource is forbidden.", "security", 403, "")));
    }
    server.start();
    MarkdownExamples.Example example;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      example = MarkdownExamples.after(doc, heading).runWith(client);
      // What the example caught, caught again here: one line, no token.
      CleanFailures.failure(VspcPermissionException.class, () -> client.stream().forEach(l -> {}));
    }
    assertThat(example.inventory).isEmpty();
    List<String> log = example.log.lines;
    assertThat(log)
        .singleElement()
        .asString()
        .startsWith("The VSPC account lacks a role: HTTP 403");
  }

  /** Edits that make a guide block build its client for the test's server, in the field. */
  private Map<String, String> ownClientAt(String baseUrl) {
    return Map.of(
        "VspcLicensingClient client = VspcLicensingClient.builder()",
        "client = VspcLicensingClient.builder()",
        "https://vspc.example.com:1280",
        baseUrl);
  }

  @Test
  void lenientMode() throws Exception {
    server.enqueue(
        ok(
            page(
                2,
                0,
                List.of(license(0), license(1).replace("\"units\":1.0", "\"units\":\"many\"")))));
    server.start();
    MarkdownExamples.Example example =
        MarkdownExamples.after(GUIDE, "## Lenient mode", ownClientAt(localUrl("http"))).runAlone();
    try (VspcLicensingClient client = example.client) {
      assertThat(client.stream().collect(Collectors.toList())).hasSize(2);
    }
    assertThat(example.log.lines)
        .singleElement()
        .asString()
        .startsWith(
            "VSPC response: $.data[1].units: expected a number but was STRING (licence"
                + " backupServerUid ")
        .contains("(request id ");
    assertThat(example.metrics.counts).containsExactly(entry("vspc.contract.violations", 1));
  }

  @Test
  void trustASelfSignedCertificate(@TempDir Path dir) throws Exception {
    HeldCertificate certificate =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate)
            .build()
            .sslSocketFactory());
    server.enqueue(ok(page(1, 0, List.of(license(0)))));
    server.start();
    Path pem = dir.resolve("vspc.pem");
    Files.writeString(pem, certificate.certificatePem());
    Map<String, String> edits = new HashMap<>(ownClientAt(localUrl("https")));
    edits.put("/etc/vspc/vspc.pem", pem.toString().replace("\\", "\\\\"));
    MarkdownExamples.Example example =
        MarkdownExamples.after(GUIDE, "## Trust a self-signed certificate", edits).runAlone();
    try (VspcLicensingClient client = example.client) {
      assertThat(client.page().licenses()).hasSize(1);
    }
  }

  private String localUrl(String scheme) {
    return scheme + "://localhost:" + server.getPort();
  }

  /**
   * Starts the server, runs the example after {@code heading} in {@code doc}, returns its lines.
   */
  private List<String> printedLines(Path doc, String heading) throws Exception {
    server.start();
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      return MarkdownExamples.after(doc, heading).runWith(client).printedLines();
    }
  }
}

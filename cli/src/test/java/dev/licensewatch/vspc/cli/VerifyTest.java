package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code verify} from the command line: the global options, the output formats, --junit, the exit
 * codes, and no token in any output (every run is scanned by {@link Cli}).
 */
class VerifyTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** The report printed by --format json, as Maps and Lists. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) throws Exception {
    return (Map<String, Object>) JSON.fromJson(text);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static VspcEmulator emulator(UnaryOperator<VspcEmulator.Builder> settings) {
    return settings
        .apply(
            VspcEmulator.builder()
                .licenses(120)
                .token(Cli.TOKEN)
                .token(Cli.READ_ONLY_TOKEN, "Read-only User"))
        .start();
  }

  @Test
  void theDemoConforms() {
    Cli.Result r = Cli.run("--demo", "verify");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out())
        .startsWith("Contract verification of http://127.0.0.1:")
        .contains(
            "  PASS  document.body: ",
            "  PASS  paging.walk-complete: ",
            "  PASS  auth.made-up-token: ",
            "  SKIP  auth.low-role: ",
            "  PASS  pact.a-request-with-limit-out-of-range-limit-501: ")
        .contains("\nCONFORMS - ");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aBreakExitsOneNamingIt() {
    try (VspcEmulator vspc = emulator(b -> b.contractBreaks("count-mismatch"))) {
      Cli.Result r =
          Cli.run(Cli.against(vspc.baseUrl(), "verify", "--low-role-token", Cli.READ_ONLY_TOKEN));
      assertThat(r.code()).as(r.all()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "  FAIL  paging.count: ",
              "x $.meta.pagingInfo.count: count differs from the number of licences in data (was"
                  + " 101, data has 100) in GET /api/v3/licensing/backupServers?limit=100&offset=0",
              "  PASS  auth.low-role: ",
              "\nBROKEN - ",
              "1 failed (paging.count)",
              "; exit 1");
    }
  }

  @Test
  void additionsPassUnlessStrict() {
    try (VspcEmulator vspc = emulator(b -> b.contractBreaks("new-property"))) {
      Cli.Result lenient = Cli.run(Cli.against(vspc.baseUrl(), "verify"));
      assertThat(lenient.code()).as(lenient.all()).isZero();
      assertThat(lenient.out())
          .contains(
              "  WARN  document.additions: ",
              "+ $.data[0].region: a property the document does not declare");
      Cli.Result strict = Cli.run(Cli.against(vspc.baseUrl(), "--strict", "verify"));
      assertThat(strict.code()).as(strict.all()).isEqualTo(1);
      assertThat(strict.out()).contains("  FAIL  document.additions: ");
    }
  }

  @Test
  void jsonForScriptsAndJunitXmlForCi(@TempDir Path dir) throws Exception {
    Path junit = dir.resolve("verify.xml");
    try (VspcEmulator vspc = emulator(b -> b.contractBreaks("null-in-non-nullable"))) {
      Cli.Result r =
          Cli.run(
              Map.of("VSPC_LOW_ROLE_TOKEN", Cli.READ_ONLY_TOKEN),
              Cli.against(
                  vspc.baseUrl(),
                  "--page-size",
                  "50",
                  "--concurrency",
                  "2",
                  "verify",
                  "--format",
                  "json",
                  "--junit",
                  junit.toString()));
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      Map<String, Object> report = json(r.out());
      assertThat(report).containsEntry("outcome", "broken").containsEntry("exitCode", 1.0);
      Map<String, Object> body = null;
      for (Map<String, Object> check : list(report.get("checks"))) {
        if (check.get("id").equals("document.body")) {
          body = check;
        }
        if (check.get("id").equals("auth.low-role")) {
          assertThat(check).containsEntry("status", "passed");
        }
      }
      assertThat(body).containsEntry("status", "failed");
      Map<String, Object> finding = list(body.get("findings")).get(0);
      assertThat(finding).containsEntry("severity", "break");
      assertThat((String) finding.get("path")).matches("\\$\\.data\\[\\d+\\]\\.company");
      assertThat((String) finding.get("licence")).startsWith("backupServerUid ");
      assertThat((String) finding.get("request")).contains("limit=50&offset=0");
      assertThat((Double) finding.get("occurrences")).isGreaterThan(50);
    }
    String xml = Files.readString(junit);
    Cli.record(xml);
    Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertThat(dom.getDocumentElement().getTagName()).isEqualTo("testsuites");
    assertThat(xml).contains("name=\"document.body: ").contains("<failure message=\"$.data[");
    assertThat(Files.list(dir)).containsExactly(junit);
  }

  @Test
  void couldNotRunExitsThreeWithTheReasonAndStillWritesTheReport(@TempDir Path dir)
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path junit = dir.resolve("verify.xml");
    Cli.Result r =
        Cli.run(Cli.against("http://127.0.0.1:" + port, "verify", "--junit", junit.toString()));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .startsWith(
            "vspc-licenses: error: verify could not run: cannot connect" + " to the server");
    assertThat(r.out()).contains("ERROR connection: ", "COULD NOT RUN: ", "; exit 3");
    assertThat(Files.readString(junit)).contains("<error message=\"cannot connect");

    try (VspcEmulator vspc = emulator(b -> b)) {
      Cli.Result rejected =
          Cli.run(
              Map.of("VSPC_TOKEN", Cli.WRONG_TOKEN),
              "--url",
              vspc.baseUrl(),
              "verify",
              "--format",
              "json");
      assertThat(rejected.code()).isEqualTo(3);
      assertThat(rejected.err())
          .contains("verify could not run: the server rejected the token" + " (HTTP 401)");
      assertThat(json(rejected.out())).containsEntry("outcome", "could-not-run");
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Cli.run("--demo", "verify", "--max-pages", "0").code()).isEqualTo(2);
    assertThat(Cli.run("--demo", "verify", "--format", "xml").code()).isEqualTo(2);
    Cli.Result both =
        Cli.run(
            "--demo",
            "verify",
            "--low-role-token",
            Cli.READ_ONLY_TOKEN,
            "--low-role-token-file",
            "x");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("either --low-role-token or --low-role-token-file");
    Cli.Result noServer = Cli.run("verify");
    assertThat(noServer.code()).isEqualTo(2);
    assertThat(noServer.err()).contains("no server: give --url");
    Cli.Result noDir = Cli.run("--demo", "verify", "--junit", "/nonexistent-dir-4-tests/v.xml");
    assertThat(noDir.code()).isEqualTo(2);
    assertThat(noDir.err()).contains("the directory /nonexistent-dir-4-tests does not exist");
  }

  @Test
  void maxPagesBoundsTheWalk() {
    try (VspcEmulator vspc = emulator(b -> b)) {
      Cli.Result r =
          Cli.run(Cli.against(vspc.baseUrl(), "--page-size", "10", "verify", "--max-pages", "3"));
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(r.out())
          .contains(
              "  SKIP  paging.walk-complete: ",
              "the walk stopped after --max-pages 3 pages (30 of 120 licences)");
      assertThat(vspc.stats().licenseRequests()).as("requests sent").isLessThan(3 + 25);
    }
  }

  @Test
  void aServerDefinitionFromAUrlGetsNoTokenFromAnotherOrigin() throws Exception {
    byte[] document;
    try (var in =
        VerifyTest.class.getClassLoader().getResourceAsStream("openapi/vspc-licensing-v3.yaml")) {
      document = in.readAllBytes();
    }
    List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer swagger =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    swagger.createContext(
        "/api/swagger/v3/swagger.yaml",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          exchange.sendResponseHeaders(200, document.length);
          exchange.getResponseBody().write(document);
          exchange.close();
        });
    swagger.start();
    try (VspcEmulator vspc = emulator(b -> b)) {
      String url =
          "http://127.0.0.1:" + swagger.getAddress().getPort() + "/api/swagger/v3/swagger.yaml";
      Cli.Result r = Cli.run(Cli.against(vspc.baseUrl(), "verify", "--server-definition", url));
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(r.out())
          .contains(
              "  PASS  definition.operation: The server's definition of"
                  + " GetBackupServersLicenses ("
                  + url
                  + ")");
      assertThat(authorizations).containsExactly("null");

      Cli.Result only = Cli.run("verify", "--server-definition", url, "--format", "json");
      assertThat(only.code()).as(only.all()).isZero();
      assertThat(json(only.out()))
          .containsEntry("target", url)
          .containsEntry("outcome", "conforms");
      Cli.Result missing =
          Cli.run(
              "verify",
              "--server-definition",
              "http://127.0.0.1:"
                  + swagger.getAddress().getPort()
                  + "/swagger/missing?key=k3y-4-tests");
      assertThat(missing.code()).isEqualTo(3);
      assertThat(missing.err())
          .contains("cannot load --server-definition", "HTTP 404")
          .contains("/swagger/missing")
          .doesNotContain("k3y-4-tests");
    } finally {
      swagger.stop(0);
    }
  }
}

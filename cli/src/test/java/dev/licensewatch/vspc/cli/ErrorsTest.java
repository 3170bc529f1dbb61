package dev.licensewatch.vspc.cli;

import static dev.licensewatch.vspc.cli.Cli.TOKEN;
import static dev.licensewatch.vspc.cli.Cli.against;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error lines, exit codes, strict vs lenient, verbose, help, and that tokens never show. */
class ErrorsTest {
  static VspcEmulator vspc;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    vspc =
        VspcEmulator.builder()
            .token(TOKEN)
            .token(Cli.READ_ONLY_TOKEN, "Read-only User")
            .licenses(25)
            .start();
  }

  @AfterAll
  static void stop() {
    vspc.close();
    Cli.ALL_OUTPUT.forEach(Cli::assertNoSecret);
  }

  static void oneErrorLine(Cli.Result r, int code, String... fragments) {
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("vspc-licenses: error: ")
        .contains(fragments)
        .doesNotContain("\tat ", "Exception:");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void unauthorizedNamesTheToken() {
    oneErrorLine(
        Cli.run("--url", vspc.baseUrl(), "--token", Cli.WRONG_TOKEN, "list"),
        1,
        "HTTP 401",
        "; check the token");
  }

  @Test
  void forbiddenNamesTheRoles() {
    Cli.Result r = Cli.run("--url", vspc.baseUrl(), "--token", Cli.READ_ONLY_TOKEN, "export");
    oneErrorLine(
        r,
        1,
        "HTTP 403",
        "Portal Administrator, Service Provider Global Administrator,"
            + " Service Provider Administrator");
    // export failed before writing anything: the (empty) output is not "incomplete"
    assertThat(r.err()).doesNotContain("incomplete");
  }

  @Test
  void untrustedCertificateSuggestsCaCertWhichThenWorks() {
    Path pem = dir.resolve("vspc.pem");
    try (VspcEmulator tls =
        VspcEmulator.builder().token(TOKEN).licenses(3).tlsCertificatePem(pem).start()) {
      String url = "https://localhost:" + tls.port();
      oneErrorLine(Cli.run(against(url, "list")), 1, "TLS handshake failed", "--ca-cert");
      Cli.Result trusted = Cli.run(against(url, "--ca-cert", pem.toString(), "export"));
      assertThat(trusted.code()).isZero();
      assertThat(ExportTest.jsonArray(trusted.out())).hasSize(3);
      Cli.Result insecure = Cli.run(against(url, "--insecure", "page"));
      assertThat(insecure.code()).isZero();
      assertThat(insecure.err()).startsWith("warning: --insecure");
    }
  }

  @Test
  void aCertificateForAnotherHostNameIsNotMendedByCaCert() {
    // The emulator's certificate names localhost and 127.0.0.1; 127.0.0.2 is loopback too.
    Path pem = dir.resolve("vspc-other-name.pem");
    try (VspcEmulator tls =
        VspcEmulator.builder()
            .host("127.0.0.2")
            .token(TOKEN)
            .licenses(3)
            .tlsCertificatePem(pem)
            .start()) {
      String url = "https://127.0.0.2:" + tls.port();
      oneErrorLine(
          Cli.run(against(url, "--ca-cert", pem.toString(), "list")),
          1,
          "not for this host name",
          "--ca-cert does not change that");
      Cli.Result r = Cli.run(against(url, "list"));
      assertThat(r.err())
          .as("trust comes first: the name is checked once it is trusted")
          .contains("not trusted", "use --ca-cert");
    }
  }

  @Test
  void plainHttpToAnotherHostIsRefusedWithTheOptionThatAllowsIt() throws IOException {
    oneErrorLine(
        Cli.run(against("http://vspc.example.com:1280", "list")),
        2,
        "refusing plain http to http://vspc.example.com:1280",
        "--allow-http");
    // --insecure is about certificates; it does not open plain http as well.
    Cli.Result insecure = Cli.run(against("http://vspc.example.com:1280", "--insecure", "list"));
    assertThat(insecure.code()).isEqualTo(2);
    assertThat(insecure.err()).contains("refusing plain http", "--allow-http");

    // A real server on this machine's own network address (not loopback), as a remote VSPC.
    InetAddress own = ownNetworkAddress();
    Assumptions.assumeTrue(own != null, "this machine has no network address but loopback");
    try (VspcEmulator remote =
        VspcEmulator.builder().host(own.getHostAddress()).token(TOKEN).licenses(4).start()) {
      assertThat(remote.baseUrl()).startsWith("http://" + own.getHostAddress());
      oneErrorLine(Cli.run(against(remote.baseUrl(), "list")), 2, "--allow-http");
      Cli.Result allowed = Cli.run(against(remote.baseUrl(), "--allow-http", "export"));
      assertThat(allowed.code()).isZero();
      assertThat(ExportTest.jsonArray(allowed.out())).hasSize(4);
      assertThat(allowed.err()).startsWith("warning: --allow-http");
    }
  }

  /** An IPv4 address of this machine that is not loopback, or null. */
  private static @Nullable InetAddress ownNetworkAddress() throws SocketException {
    for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (i.isUp() && !i.isLoopback()) {
        for (InetAddress a : Collections.list(i.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a;
          }
        }
      }
    }
    return null;
  }

  @Test
  void unreachableHost() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    oneErrorLine(
        Cli.run(against("http://127.0.0.1:" + closed, "--timeout", "1", "list")),
        1,
        "cannot connect",
        "check --url");
  }

  @Test
  void usageErrorsExitWith2() throws IOException {
    Map<String, String> noEnv = Map.of();
    List<String[]> cases =
        List.of(
            new String[] {},
            new String[] {"lst"},
            new String[] {"--page-size", "0", "list"},
            new String[] {"--page-size", "lots", "list"},
            new String[] {"--concurrency", "65", "list"},
            new String[] {"list", "--bogus"},
            new String[] {"--token", TOKEN, "list"}, // no URL
            new String[] {"--url", vspc.baseUrl(), "list"}, // no token
            new String[] {"--url", "not a url", "--token", TOKEN, "list"},
            new String[] {"--url", "http://vspc.example.com", "--token", TOKEN, "list"},
            new String[] {
              "--url", vspc.baseUrl(), "--token-file", dir.resolve("none").toString(), "list"
            },
            new String[] {
              "--url",
              vspc.baseUrl(),
              "--token",
              TOKEN,
              "--token-file",
              dir.resolve("none").toString(),
              "list"
            },
            new String[] {
              "--url",
              vspc.baseUrl(),
              "--token",
              TOKEN,
              "--ca-cert",
              dir.resolve("none.pem").toString(),
              "list"
            },
            new String[] {"--url", vspc.baseUrl(), "--token", TOKEN, "export", "--format", "xml"},
            new String[] {"--url", vspc.baseUrl(), "--token", TOKEN, "page", "--offset", "-1"},
            new String[] {"emulator", "--faults", "nonsense@x"});
    for (String[] args : cases) {
      Cli.Result r = Cli.run(noEnv, args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err())
          .as(String.join(" ", args))
          .startsWith("vspc-licenses: error: ")
          .contains("--help");
      assertThat(r.err().lines()).hasSize(1);
    }
  }

  @Test
  void usageErrorsNameTheOptionAndItsRange() {
    assertThat(Cli.run("--page-size", "0", "list").err())
        .isEqualTo(
            "vspc-licenses: error:"
                + " --page-size must be between 1 and 500, was 0; see 'vspc-licenses --help'\n");
    assertThat(Cli.run("--concurrency", "65", "list").err())
        .isEqualTo(
            "vspc-licenses: error:"
                + " --concurrency must be between 1 and 64, was 65; see 'vspc-licenses --help'\n");
    assertThat(Cli.run("--timeout", "0", "list").err())
        .startsWith("vspc-licenses: error:" + " --timeout must be 1 second or more, was 0;");
    Cli.Result badUrl = Cli.run(against("ftp://vspc.example.com", "list"));
    assertThat(badUrl.code()).isEqualTo(2);
    assertThat(badUrl.err()).startsWith("vspc-licenses: error: bad --url: ");
    Cli.Result badPem =
        Cli.run(against(vspc.baseUrl(), "--ca-cert", dir.resolve("none.pem").toString(), "list"));
    assertThat(badPem.err()).contains("none.pem").contains("; check --ca-cert");
  }

  @Test
  void aTokenThatCannotBeSentIsATokenErrorNotAUrlError() throws IOException {
    Path file = dir.resolve("control.token");
    Files.writeString(file, "abc\u0001" + TOKEN + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Cli.Result r = Cli.run("--url", vspc.baseUrl(), "--token-file", file.toString(), "list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("vspc-licenses: error: bad token: ")
        .contains("at index 3", "--token-file")
        .doesNotContain("--url");
  }

  @Test
  void checkFailuresWithVerboseKeepTheStatusLineAndTraceOnStderr() {
    Cli.Result r =
        Cli.run("--url", vspc.baseUrl(), "--token", Cli.WRONG_TOKEN, "--verbose", "check");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).startsWith("LICENSES UNKNOWN - the server rejected the token");
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.err()).contains("VspcAuthenticationException", "\tat ");
  }

  @Test
  void environmentAndTokenFile() throws IOException {
    Cli.Result env =
        Cli.run(Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", TOKEN), "page", "--limit", "1");
    assertThat(env.code()).isZero();

    Path open = dir.resolve("open.token");
    Files.writeString(open, TOKEN + "\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Cli.Result warned = Cli.run("--url", vspc.baseUrl(), "--token-file", open.toString(), "page");
    assertThat(warned.code()).isZero();
    assertThat(warned.err())
        .isEqualTo(
            "warning: the token file "
                + open
                + " is readable by group/others; restrict it with chmod 600 "
                + open
                + "\n");

    Path closed = dir.resolve("closed.token");
    Files.writeString(closed, TOKEN);
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));
    Cli.Result quiet = Cli.run("--url", vspc.baseUrl(), "--token-file", closed.toString(), "page");
    assertThat(quiet.code()).isZero();
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void lenientKeepsEveryLicenseAndWarnsStrictFailsNamingThePath() throws IOException {
    List<Map<String, Object>> licenses = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      licenses.add(
          ExpectedExport.license(
              "0000000" + i + "-0000-4000-8000-000000000000",
              "Co " + i,
              "Valid",
              "2031-01-01T00:00:00Z",
              10,
              1));
    }
    licenses.get(3).put("company", null); // not nullable in the document
    Path file = dir.resolve("broken.json");
    Files.writeString(file, ExpectedExport.json(licenses));
    try (VspcEmulator broken = VspcEmulator.builder().token(TOKEN).datasetFile(file).start()) {
      Cli.Result lenient = Cli.run(against(broken.baseUrl(), "--page-size", "2", "export"));
      assertThat(lenient.code()).isZero();
      assertThat(ExportTest.jsonArray(lenient.out()))
          .hasSize(5)
          .element(3)
          .satisfies(l -> assertThat(l).containsEntry("company", null));
      assertThat(lenient.err())
          .startsWith("warning: $.data[1].company")
          .contains("00000003-0000-4000-8000-000000000000");
      assertThat(lenient.err().lines()).hasSize(1);

      Cli.Result strict =
          Cli.run(against(broken.baseUrl(), "--strict", "--page-size", "2", "export"));
      assertThat(strict.code()).isEqualTo(1);
      assertThat(strict.err())
          .startsWith("vspc-licenses: error: ")
          .contains("$.data[1].company", "without --strict");
      assertThat(strict.err().lines()).hasSize(1);
    }
  }

  /** A loopback server that gives every request the same answer; the caller stops it. */
  private static HttpServer answering(int status, String contentType, String body)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server;
  }

  @ParameterizedTest(name = "400 naming {0} -> {1}")
  @CsvSource({
    "filter, '; check --filter'",
    "sort, '; check --sort'",
    "select, '; check --columns'",
    "limit, '; check --page-size, --limit, --offset and --client-version'"
  })
  void aRejectedParameterPointsAtTheOptionThatSetsIt(String parameter, String hint)
      throws IOException {
    HttpServer server =
        answering(
            400,
            "application/json; charset=utf-8",
            "{\"errors\":[{\"message\":\"The "
                + parameter
                + " parameter is invalid.\",\"type\":\"error\",\"code\":400,"
                + "\"parameterName\":\""
                + parameter
                + "\"}]}");
    try {
      Cli.Result r = Cli.run(against("http://127.0.0.1:" + server.getAddress().getPort(), "list"));
      oneErrorLine(r, 1, "The " + parameter + " parameter is invalid.");
      assertThat(r.err().strip()).endsWith(hint);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aBrokenBodyWithoutStrictDoesNotSuggestLeavingOutStrict() throws IOException {
    // A proxy's HTML page with 200: the client fails in lenient mode too.
    HttpServer html =
        answering(200, "text/html; charset=utf-8", "<html><body>Please log in</body></html>");
    try {
      String url = "http://127.0.0.1:" + html.getAddress().getPort();
      Cli.Result lenient = Cli.run(against(url, "export"));
      oneErrorLine(lenient, 1, "breaks the API document", "broken response");
      assertThat(lenient.err()).doesNotContain("--strict", "incomplete");

      Cli.Result strict = Cli.run(against(url, "--strict", "list"));
      oneErrorLine(strict, 1, "breaks the API document", "without --strict");
    } finally {
      html.stop(0);
    }
  }

  @Test
  void verboseShowsRequestsButNeverTheToken() {
    Cli.Result quiet = Cli.run(against(vspc.baseUrl(), "list"));
    assertThat(quiet.err()).isEmpty();
    Cli.Result verbose = Cli.run(against(vspc.baseUrl(), "--verbose", "list"));
    assertThat(verbose.code()).isZero();
    assertThat(verbose.err())
        .contains("--> GET " + vspc.baseUrl() + "/api/v3/licensing/backupServers", "<-- 200");
    Cli.Result failing =
        Cli.run("--url", vspc.baseUrl(), "--token", Cli.WRONG_TOKEN, "--verbose", "list");
    assertThat(failing.code()).isEqualTo(1);
    assertThat(failing.err()).contains("VspcAuthenticationException", "\tat ");
    // the next run is quiet again
    assertThat(Cli.run(against(vspc.baseUrl(), "list")).err()).isEmpty();
  }

  @Test
  void helpOnEveryCommandWithExamplesAndVersion() {
    for (String command : List.of("list", "export", "page", "check", "emulator")) {
      Cli.Result r = Cli.run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Usage: vspc-licenses " + command, "Examples:");
    }
    Cli.Result top = Cli.run("--help");
    assertThat(top.out())
        .contains(
            "--url",
            "--token-file",
            "--ca-cert",
            "--insecure",
            "--allow-http",
            "--page-size",
            "--concurrency",
            "--timeout",
            "--client-version",
            "--strict",
            "--demo",
            "--verbose",
            "Exit codes");
    assertThat(Cli.run("--version").out()).startsWith("vspc-licenses ");
  }

  @Test
  void tokensInOptionsNeverEchoed() {
    // picocli would echo an unknown option with its value: it is redacted
    Cli.Result r = Cli.run("--url", vspc.baseUrl(), "--token=" + TOKEN, "list", TOKEN);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("***");
  }
}

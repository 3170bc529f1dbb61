package dev.licensewatch.vspc.cli;

import static dev.licensewatch.vspc.cli.Cli.against;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * page sends exactly the parameters given, and walks ask for the largest page unless told: a
 * stand-in server records the query strings.
 */
class PageTest {
  static HttpServer server;
  static final List<String> QUERIES = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v3/licensing/backupServers",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          QUERIES.add(query == null ? "" : query);
          byte[] body =
              "{\"meta\":{\"pagingInfo\":{\"total\":0,\"count\":0,\"offset\":0}},\"data\":[]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    Cli.ALL_OUTPUT.forEach(Cli::assertNoSecret);
  }

  static String query(String... pageOptions) {
    QUERIES.clear();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    String[] args = new String[pageOptions.length + 1];
    args[0] = "page";
    System.arraycopy(pageOptions, 0, args, 1, pageOptions.length);
    Cli.Result r = Cli.run(against(url, args));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(QUERIES).hasSize(1);
    return QUERIES.get(0);
  }

  @Test
  void onlyTheGivenParametersAreSent() {
    assertThat(query()).isEmpty();
    assertThat(query("--limit", "7")).isEqualTo("limit=7");
    assertThat(query("--offset", "30")).isEqualTo("offset=30");
    assertThat(query("--limit", "7", "--offset", "30")).contains("limit=7", "offset=30");
  }

  @Test
  void walksAskForTheLargestPageUnlessToldAndPageKeepsTheServersDefault() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    for (String command : List.of("list", "export", "check")) {
      QUERIES.clear();
      Cli.run(against(url, command));
      assertThat(QUERIES).as(command).containsExactly("limit=500&offset=0");
      QUERIES.clear();
      Cli.run(against(url, "--page-size", "50", command));
      assertThat(QUERIES).as(command + " --page-size 50").containsExactly("limit=50&offset=0");
    }
    QUERIES.clear();
    assertThat(Cli.run(against(url, "--page-size", "50", "page")).code()).isZero();
    assertThat(QUERIES).as("page sends only its own --limit").containsExactly("");
  }

  @Test
  void outOfRangeValuesAreUsageErrorsAndSendNothing() {
    QUERIES.clear();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    Cli.Result limit = Cli.run(against(url, "page", "--limit", "501"));
    assertThat(limit.code()).isEqualTo(2);
    assertThat(limit.err())
        .isEqualTo(
            "vspc-licenses: error: --limit must be between 1 and 500,"
                + " was 501; see 'vspc-licenses page --help'\n");
    Cli.Result offset = Cli.run(against(url, "page", "--offset", "-1"));
    assertThat(offset.code()).isEqualTo(2);
    assertThat(offset.err())
        .startsWith("vspc-licenses: error: --offset must be 0 or more," + " was -1;");
    assertThat(QUERIES).isEmpty();
  }
}

package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.TOKEN;
import static dev.licensewatch.vspc.client.Fixtures.errors;
import static dev.licensewatch.vspc.client.Fixtures.json;
import static dev.licensewatch.vspc.client.Fixtures.license;
import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The token shows in no toString, no log line (DEBUG included) and no exception. */
class SecretsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  @Test
  void toStringMasksTheToken() {
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      assertThat(client.toString()).contains("token=***").doesNotContain(TOKEN);
    }
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).tokenProvider(() -> TOKEN).build()) {
      assertThat(client.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void noLogLineContainsTheTokenEvenAtDebug() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      server.enqueue(json(503, errors("Busy with " + TOKEN, "transport", 503, "")));
      server.enqueue(ok(page(150, 0, licenses(0, 100))));
      server.enqueue(
          ok(
              page(
                  102,
                  100,
                  List.of(
                      license(100).replace("true", "\"yes\""),
                      license(101).replace("false", "null")))));
      server.enqueue(json(401, errors("Token " + TOKEN + " expired", "security", 401, "")));
      server.enqueue(
          new MockResponse.Builder()
              .code(302)
              .setHeader("Location", "http://localhost:" + server.getPort() + "/elsewhere")
              .build());
      server.enqueue(ok(page(0, 0, List.of())));
      try (VspcLicensingClient client = Fixtures.client(server, sleeper).strict(false).build()) {
        assertThat(client.stream().count()).isEqualTo(102);
        CleanFailures.failure(VspcAuthenticationException.class, () -> client.page(100, 0));
        client.page(100, 0);
      }
      try (VspcLicensingClient client =
          Fixtures.client(server, sleeper).insecureSkipTlsVerification(true).build()) {
        assertThat(client.toString()).doesNotContain(TOKEN);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    out.print(log);
    assertThat(log)
        .as("DEBUG lines were written")
        .contains("DEBUG")
        .contains("--> GET")
        .contains("retrying")
        .contains("WARN")
        .contains("$.data[0].autoUpdateEnabled")
        .contains("licence count changed");
    assertThat(log).doesNotContain(TOKEN);
  }

  @Test
  void aTokenThatCannotBeSentIsRefusedWithoutShowingIt() {
    IllegalArgumentException e =
        CleanFailures.failure(
            IllegalArgumentException.class,
            () -> VspcLicensingClient.builder().token(TOKEN + "\n" + TOKEN));
    assertThat(e).hasMessageContaining("index " + TOKEN.length());
    CleanFailures.failure(
        IllegalArgumentException.class, () -> VspcLicensingClient.builder().token(TOKEN + "é"));
  }

  @Test
  void aTokenProviderWithoutATokenFailsAtOnce() {
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).tokenProvider(() -> " ").build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e).hasMessageContaining("token provider");
    }
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper).tokenProvider(() -> TOKEN + "\r\nX-Injected: 1").build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e).hasMessageContaining("token provider");
    }
    assertThat(sleeper.waits).as("not retried").isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }
}

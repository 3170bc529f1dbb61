package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator command and --demo. */
class EmulatorCommandTest {

  @Test
  void helpShowsTheDefaultsTheEmulatorUses() {
    String help = Cli.run("emulator", "--help").out();

    assertThat(help)
        .contains("Synthetic licences to serve (default: " + VspcEmulator.DEFAULT_LICENSES + ")")
        .contains("Seed of the synthetic licences (default: " + VspcEmulator.DEFAULT_SEED + ")")
        .contains("(default: " + VspcEmulator.DEFAULT_HOST + ")");
  }

  @Test
  void emulatorRunsUntilInterruptedAndPrintsItsUrlAndToken() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {"emulator", "--licenses", "7", "--latency-ms", "1"},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of())));
    thread.start();
    Pattern url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Matcher m = url.matcher("");
    while (System.nanoTime() < deadline) {
      m = url.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find() && out.toString(StandardCharsets.UTF_8).contains("Ctrl-C")) {
        break;
      }
      Thread.sleep(20);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("token: vspc-emulator-token");
    assertThat(m.find(0)).isTrue();
    Cli.Result list =
        Cli.run(Map.of("VSPC_TOKEN", "vspc-emulator-token"), "--url", m.group(1), "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).endsWith("7 licences\n");

    thread.interrupt();
    thread.join(5_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(code.get()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    Cli.record(printed);
  }

  /** {@code vspc-licenses emulator ...} running in a thread until closed. */
  static final class Running implements AutoCloseable {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AtomicInteger code = new AtomicInteger(-1);
    final Thread thread;
    final String url;

    Running(String... args) throws InterruptedException {
      thread =
          new Thread(
              () ->
                  code.set(
                      Main.run(
                          args,
                          new PrintStream(out, true, StandardCharsets.UTF_8),
                          new PrintStream(err, true, StandardCharsets.UTF_8),
                          Map.of())));
      thread.start();
      Pattern listening = Pattern.compile("listening on (https?://[^ ]+) ");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!printed().contains("Ctrl-C") && thread.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Matcher m = listening.matcher(printed());
      assertThat(m.find()).as(printed() + err.toString(StandardCharsets.UTF_8)).isTrue();
      url = m.group(1);
    }

    String printed() {
      return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() { // no InterruptedException: try-with-resources could not handle it well
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the emulator to stop", e);
      }
      assertThat(thread.isAlive()).isFalse();
      assertThat(code.get()).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      Cli.record(printed());
    }
  }

  @Test
  void driftChangesTheLicensesOnceWhileAClientPagesThroughThem() throws Exception {
    try (Running emulator = new Running("emulator", "--licenses", "250", "--drift", "-30@1")) {
      Cli.Result r =
          Cli.run(
              Map.of("VSPC_TOKEN", "vspc-emulator-token"),
              Cli.pageByPage("--url", emulator.url, "export", "--format", "ndjson"));
      assertThat(r.code()).isZero();
      assertThat(r.err())
          .isEqualTo(
              "warning: licence count changed while paging: total was 250,"
                  + " now 220 at offset 100; up to 30 licences may be missing\n");
    }
    Cli.Result bad = Cli.run("emulator", "--drift", "30");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("vspc-licenses: error: Drift spec must look like +M@K");
  }

  @Test
  void throttleAnswers429AsVspcDoes() throws Exception {
    try (Running emulator =
        new Running("emulator", "--licenses", "5", "--throttle", "per-period=1/60s")) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(emulator.url + VspcEmulator.LICENSES_PATH))
              .header("Authorization", "Bearer " + VspcEmulator.DEFAULT_TOKEN)
              .build();
      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      HttpResponse<String> throttled = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(throttled.body()).contains("\"type\":\"transport\"", "\"retryAfter\":");
    }
    Cli.Result bad = Cli.run("emulator", "--throttle", "simultaneous");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("vspc-licenses: error: Invalid throttling spec");
  }

  @Test
  void tlsWithATokenAndLowercaseEnums(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("vspc.pem");
    try (Running emulator =
        new Running(
            "emulator",
            "--licenses",
            "5",
            "--tls",
            pem.toString(),
            "--token",
            Cli.TOKEN,
            "--enum-casing",
            "lower")) {
      assertThat(emulator.url).matches("https://127\\.0\\.0\\.1:\\d+");
      assertThat(emulator.printed().lines())
          .containsExactly(
              "VSPC emulator listening on " + emulator.url + " (5 licences)",
              "certificate: " + pem + " (use --ca-cert " + pem + ")",
              // no "token:" line: the token given is not echoed
              "try: VSPC_TOKEN=... vspc-licenses --url "
                  + emulator.url
                  + " --ca-cert "
                  + pem
                  + " list",
              "press Ctrl-C to stop");
      String served = rawPage(emulator.url, pem);
      assertThat(served).contains("\"status\":\"").doesNotContain("\"status\":\"Valid\"");
      assertThat(Raw.json(served).toString()).containsPattern("status=(valid|warning|expired)");

      Cli.Result export =
          Cli.run(Cli.against(emulator.url, "--ca-cert", pem.toString(), "--strict", "export"));
      assertThat(export.code()).isZero();
      assertThat(export.err()).isEmpty();
      List<Map<String, Object>> licenses = ExportTest.jsonArray(export.out());
      assertThat(licenses).hasSize(5);
      // served as "valid", "expired", ...: decoded and written in the document's casing
      assertThat(licenses)
          .extracting(l -> (String) l.get("status"))
          .allSatisfy(
              status ->
                  assertThat(status)
                      .isIn("Valid", "Warning", "Error", "Expired", "Unlicensed", "Unknown"));
    }
  }

  /** The first licences page as served, over TLS trusting only the certificate in {@code pem}. */
  static String rawPage(String baseUrl, Path pem) throws Exception {
    String text = Files.readString(pem);
    Matcher cert =
        Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----").matcher(text);
    assertThat(cert.find()).isTrue();
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry(
        "emulator",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(cert.group().getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + VspcEmulator.LICENSES_PATH + "?limit=5"))
            .header("Authorization", "Bearer " + Cli.TOKEN)
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .sslContext(tls)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void helpShowsTheEmulatorLibrarysDefaults() {
    Cli.Result help = Cli.run("emulator", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains(
            "Port to bind (default: a free one)",
            "Address to bind (default: " + VspcEmulator.DEFAULT_HOST + ")",
            "Synthetic licences to serve (default: " + VspcEmulator.DEFAULT_LICENSES + ")",
            "Seed of the synthetic licences (default: " + VspcEmulator.DEFAULT_SEED + ")");
  }

  @Test
  void demoStartsTheEmbeddedEmulatorAndIgnoresUrlAndToken() {
    Cli.Result r = Cli.run(Map.of(), "--url", "https://nowhere.invalid", "--demo", "list");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("COMPANY").endsWith(Root.DEMO_LICENSES + " licences\n");
    Cli.Result check = Cli.run("--demo", "check");
    assertThat(check.code()).isBetween(0, 2);
    assertThat(check.out()).startsWith("LICENSES ").contains("licenses=42");
  }
}

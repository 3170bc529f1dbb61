package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A VSPC server with a self-signed certificate: refused by default, trusted when told to. */
class TlsTest {
  static HeldCertificate localhost;
  static HeldCertificate other;
  static HeldCertificate otherName;

  final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeAll
  static void certificates() {
    localhost =
        new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .build();
    other =
        new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .build();
    otherName =
        new HeldCertificate.Builder()
            .commonName("vspc.example.com")
            .addSubjectAlternativeName("vspc.example.com")
            .build();
  }

  private void serveWith(HeldCertificate certificate) throws IOException {
    HandshakeCertificates serverCertificates =
        new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    server.useHttps(serverCertificates.sslSocketFactory());
    server.enqueue(ok(page(2, 0, licenses(0, 2))));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private VspcLicensingClient.Builder client() {
    return Fixtures.client(server, sleeper).baseUrl("https://localhost:" + server.getPort());
  }

  @Test
  void aSelfSignedCertificateIsRefusedByDefaultWithAHint() throws IOException {
    serveWith(localhost);
    try (VspcLicensingClient client = client().build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e.isTls()).isTrue();
      assertThat(e).hasMessageContaining("trust").hasMessageContaining("PEM");
      assertThat(e.httpStatus()).isZero();
    }
    assertThat(sleeper.waits).as("a TLS failure is not retried").isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void trustingThePemTextAcceptsIt() throws Exception {
    serveWith(localhost);
    try (VspcLicensingClient client =
        client().trustCertificatePem(localhost.certificatePem()).build()) {
      assertThat(client.page(100, 0).licenses()).hasSize(2);
    }
    assertThat(server.takeRequest().getHandshake()).isNotNull();
  }

  @Test
  void aClientOfAPlainHttpServerSetsUpNoTlsButItsBareHttpClientTrustsAsTold() throws Exception {
    serveWith(localhost);
    try (VspcLicensingClient client =
        Fixtures.client(server, sleeper)
            .baseUrl("http://127.0.0.1:1")
            .trustCertificatePem(localhost.certificatePem())
            .build()) {
      okhttp3.Request definition =
          new okhttp3.Request.Builder()
              .url("https://localhost:" + server.getPort() + "/swagger.json")
              .build();
      try (okhttp3.Response response =
          client.httpClientWithoutToken().newCall(definition).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.handshake()).isNotNull();
      }
    }
  }

  @Test
  void trustingThePemFileAcceptsIt(@TempDir Path dir) throws IOException {
    serveWith(localhost);
    Path pem = dir.resolve("vspc.pem");
    Files.writeString(
        pem,
        "Server certificate of vspc\n" + localhost.certificatePem(),
        StandardCharsets.US_ASCII);
    try (VspcLicensingClient client = client().trustCertificatePem(pem).build()) {
      assertThat(client.page(100, 0).licenses()).hasSize(2);
    }
  }

  @Test
  void trustingAnotherCertificateStillRefusesIt() throws IOException {
    serveWith(localhost);
    try (VspcLicensingClient client =
        client().trustCertificatePem(other.certificatePem()).build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e.isTls()).isTrue();
      assertThat(e.kind()).isEqualTo(VspcIoException.Kind.TLS_UNTRUSTED);
    }
  }

  @Test
  void aCertificateForAnotherHostNameIsRefusedEvenWhenTrusted() throws IOException {
    serveWith(otherName);
    try (VspcLicensingClient client =
        client().trustCertificatePem(otherName.certificatePem()).build()) {
      VspcIoException e = CleanFailures.failure(VspcIoException.class, () -> client.page(100, 0));
      assertThat(e.isTls()).isTrue();
      assertThat(e.kind()).isEqualTo(VspcIoException.Kind.TLS_HOST_NAME);
      assertThat(e)
          .hasMessageContaining("localhost")
          .hasMessageContaining("host name")
          .hasMessageNotContaining("self-signed");
    }
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void skippingVerificationAcceptsAnyCertificateAndName() throws IOException {
    serveWith(otherName);
    try (VspcLicensingClient client = client().insecureSkipTlsVerification(true).build()) {
      assertThat(client.page(100, 0).licenses()).hasSize(2);
      assertThat(client.toString()).contains("tlsVerification=OFF");
    }
  }

  @Test
  void aPemWithoutCertificateIsRefusedWhenBuilding() {
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class,
                () -> VspcLicensingClient.builder().trustCertificatePem("not a certificate")))
        .hasMessageContaining("BEGIN CERTIFICATE");
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class,
                () ->
                    VspcLicensingClient.builder()
                        .trustCertificatePem(
                            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")))
        .hasMessageContaining("PEM");
  }

  @Test
  void anUnreadablePemFileIsReportedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("missing.pem");
    assertThat(
            CleanFailures.failure(
                java.io.UncheckedIOException.class,
                () -> VspcLicensingClient.builder().trustCertificatePem(missing)))
        .hasMessageContaining("missing.pem");
  }
}

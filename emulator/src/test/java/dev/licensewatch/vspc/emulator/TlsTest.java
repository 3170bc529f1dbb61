package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a certificate made at start and written as PEM for clients to trust. */
class TlsTest {

  @Test
  void aClientTrustingExactlyTheWrittenPemGetsLicenses(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("certs/vspc-emulator.pem");
    try (VspcEmulator e = VspcEmulator.builder().licenses(3).tlsCertificatePem(pem).start()) {
      assertThat(e.baseUrl()).startsWith("https://127.0.0.1:");
      X509Certificate cert = Certificates.decodeCertificatePem(Files.readString(pem));
      HandshakeCertificates trust =
          new HandshakeCertificates.Builder().addTrustedCertificate(cert).build();
      OkHttpClient client =
          Http.CLIENT
              .newBuilder()
              .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
              .build();
      Http.Reply reply = Http.get(client, e.licensesUrl(), VspcEmulator.DEFAULT_TOKEN);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.data()).hasSize(3);
      assertThat(e.heldCertificate())
          .get()
          .satisfies(held -> assertThat(held.certificate()).isEqualTo(cert));
      // The same through "localhost", the other name in the certificate.
      Http.Reply byName =
          Http.get(
              client,
              e.licensesUrl().replace("127.0.0.1", "localhost"),
              VspcEmulator.DEFAULT_TOKEN);
      assertThat(byName.status()).isEqualTo(200);
    }
  }

  @Test
  void clientCertificatesFromCodeWorkToo() {
    try (VspcEmulator e = VspcEmulator.builder().licenses(1).tls(true).start()) {
      HandshakeCertificates trust = e.clientCertificates().orElseThrow();
      OkHttpClient client =
          Http.CLIENT
              .newBuilder()
              .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
              .build();
      assertThat(Http.get(client, e.licensesUrl(), VspcEmulator.DEFAULT_TOKEN).status())
          .isEqualTo(200);
    }
  }

  @Test
  void aClientWithTheDefaultTrustStoreRefusesTheSelfSignedCertificate() {
    try (VspcEmulator e = VspcEmulator.builder().licenses(1).tls(true).start()) {
      assertThatThrownBy(() -> Http.get(e.licensesUrl(), VspcEmulator.DEFAULT_TOKEN))
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void withoutTlsThereIsNoCertificate() {
    try (VspcEmulator e = VspcEmulator.builder().licenses(1).start()) {
      assertThat(e.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(e.heldCertificate()).isEmpty();
      assertThat(e.clientCertificates()).isEmpty();
    }
  }
}

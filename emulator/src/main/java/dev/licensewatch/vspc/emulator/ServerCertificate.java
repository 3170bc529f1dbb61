package dev.licensewatch.vspc.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLServerSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** The self-signed certificate of an HTTPS emulator. */
final class ServerCertificate {

  private ServerCertificate() {}

  /** A fresh key pair per start: tests trust exactly this certificate, nothing else. */
  static HeldCertificate create() {
    return new HeldCertificate.Builder()
        .commonName("localhost")
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("::1")
        .build();
  }

  static SSLServerSocketFactory serverSockets(HeldCertificate held) {
    return new HandshakeCertificates.Builder()
        .heldCertificate(held)
        .build()
        .sslContext()
        .getServerSocketFactory();
  }

  /** Writes the certificate (PEM, no key) for clients to trust. */
  static void writePem(HeldCertificate held, Path pem) throws IOException {
    Path parent = pem.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(pem, held.certificatePem(), StandardCharsets.US_ASCII);
  }

  /** Client-side certificates trusting exactly {@code held}. */
  static HandshakeCertificates trusting(HeldCertificate held) {
    return new HandshakeCertificates.Builder().addTrustedCertificate(held.certificate()).build();
  }
}

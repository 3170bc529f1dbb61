package dev.licensewatch.vspc.client;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trust settings: platform roots plus the caller's PEM certificates, or (loudly) nothing. */
final class Tls {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----", Pattern.DOTALL);

  private Tls() {}

  static List<X509Certificate> decodePem(String pem, String source) {
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher matcher = PEM.matcher(pem);
    while (matcher.find()) {
      try {
        certificates.add(Certificates.decodeCertificatePem(matcher.group()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a valid PEM certificate in " + source + ": " + e.getMessage(), e);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          "no PEM certificate (-----BEGIN CERTIFICATE-----) found in " + source);
    }
    return certificates;
  }

  static void configure(
      OkHttpClient.Builder builder, List<X509Certificate> trusted, boolean skipVerification) {
    if (skipVerification) {
      log.warn(
          "TLS verification is OFF for this VSPC client: any certificate and any host name are"
              + " accepted. Trust the server's certificate instead (trustCertificatePem).");
      X509TrustManager trustAll = new TrustAll();
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        builder.sslSocketFactory(context.getSocketFactory(), trustAll);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("cannot create a TLS context", e);
      }
      builder.hostnameVerifier((host, session) -> true);
      return;
    }
    if (trusted.isEmpty()) {
      return;
    }
    HandshakeCertificates.Builder certificates =
        new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
    for (X509Certificate certificate : trusted) {
      certificates.addTrustedCertificate(certificate);
    }
    HandshakeCertificates handshake = certificates.build();
    builder.sslSocketFactory(handshake.sslSocketFactory(), handshake.trustManager());
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensewatch.vspc.client.VspcAuthenticationException;
import dev.licensewatch.vspc.client.VspcIoException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** TLS trust and host names, redirects and plain http: the token goes only where it should. */
@Order(5)
class TransportSecurityTest {
  static final List<String> held = new ArrayList<>();
  static int tried;

  @AfterAll
  static void figures() {
    Figures.record(
        "transport",
        "TLS default/--ca-cert/other cert/host mismatch, redirects, plain http",
        tried,
        String.join("; ", held),
        held.size() == tried);
  }

  private static void ok(String what) {
    held.add(what);
  }

  @Test
  void selfSignedServerRejectedByDefaultAcceptedWithItsCertificateOnly() throws Exception {
    try (VspcEmulator vspc =
        VspcEmulator.builder().licenses(7).token(Secrets.TOKEN).tls(true).start()) {
      tried += 3;
      try (VspcLicensingClient client = Support.client(vspc.baseUrl()).maxAttempts(3).build()) {
        assertThatThrownBy(() -> client.page(5, 0))
            .isInstanceOfSatisfying(
                VspcIoException.class,
                e -> {
                  assertThat(e.isTls()).as(e.toString()).isTrue();
                  Secrets.check("TLS rejection", e);
                });
      }
      ok("self-signed rejected by default");
      String pem = vspc.heldCertificate().orElseThrow().certificatePem();
      try (VspcLicensingClient client =
          Support.client(vspc.baseUrl()).trustCertificatePem(pem).build()) {
        assertThat(client.stream().count()).isEqualTo(7);
        Secrets.check("client toString", client.toString());
      }
      ok("accepted with exactly its certificate");
      String other =
          new HeldCertificate.Builder()
              .commonName("localhost")
              .addSubjectAlternativeName("localhost")
              .addSubjectAlternativeName("127.0.0.1")
              .build()
              .certificatePem();
      try (VspcLicensingClient client =
          Support.client(vspc.baseUrl()).trustCertificatePem(other).build()) {
        assertThatThrownBy(() -> client.page(5, 0))
            .isInstanceOfSatisfying(
                VspcIoException.class, e -> assertThat(e.isTls()).as(e.toString()).isTrue());
      }
      ok("rejected with another certificate");
    }
  }

  @Test
  void hostNameMismatchRejectedEvenWhenTheCertificateIsTrusted() throws Exception {
    tried++;
    HeldCertificate elsewhere =
        new HeldCertificate.Builder()
            .commonName("vspc.elsewhere.example")
            .addSubjectAlternativeName("vspc.elsewhere.example")
            .build();
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(elsewhere).build();
    try (MockWebServer web = new MockWebServer()) {
      web.useHttps(server.sslSocketFactory());
      web.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      web.enqueue(new MockResponse.Builder().body("{\"data\":[]}").build());
      String url = "https://127.0.0.1:" + web.getPort();
      try (VspcLicensingClient client =
          Support.client(url).trustCertificatePem(elsewhere.certificatePem()).build()) {
        assertThatThrownBy(() -> client.page(5, 0))
            .isInstanceOfSatisfying(
                VspcIoException.class,
                e -> {
                  assertThat(e.isTls()).as(e.toString()).isTrue();
                  Secrets.check("hostname mismatch", e);
                });
      }
    }
    ok("host name mismatch rejected");
  }

  @Test
  void authorizationNotSentToAnotherHostOnRedirect() throws Exception {
    tried += 2;
    try (MockWebServer origin = new MockWebServer();
        MockWebServer other = new MockWebServer()) {
      origin.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      other.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      String body =
          "{\"meta\":{\"pagingInfo\":{\"total\":0,\"count\":0,\"offset\":0}},\"data\":[]}";
      // Another port is another origin.
      origin.enqueue(
          new MockResponse.Builder()
              .code(302)
              .addHeader(
                  "Location",
                  "http://127.0.0.1:"
                      + other.getPort()
                      + "/api/v3/licensing/backupServers?limit=5&offset=0")
              .build());
      other.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body(body)
              .build());
      // Same port, another host name.
      origin.enqueue(
          new MockResponse.Builder()
              .code(307)
              .addHeader(
                  "Location",
                  "http://localhost:"
                      + origin.getPort()
                      + "/api/v3/licensing/backupServers?limit=5&offset=0")
              .build());
      origin.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body(body)
              .build());
      try (VspcLicensingClient client =
          Support.client("http://127.0.0.1:" + origin.getPort()).build()) {
        client.page(5, 0);
        RecordedRequest first = origin.takeRequest();
        RecordedRequest redirected = other.takeRequest();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + Secrets.TOKEN);
        assertThat(redirected.getHeaders().get("Authorization")).as("to another port").isNull();
        ok("no token to another port");
        client.page(5, 0);
        RecordedRequest second = origin.takeRequest();
        RecordedRequest viaLocalhost = origin.takeRequest();
        assertThat(second.getHeaders().get("Authorization")).isNotNull();
        assertThat(viaLocalhost.getHeaders().get("Authorization"))
            .as("to another host name")
            .isNull();
        ok("no token to another host name");
      }
    }
  }

  @Test
  void plainHttpToNonLoopbackRefusedUnlessAllowed() {
    for (String url :
        List.of(
            "http://vspc.example.com:1280",
            "http://10.1.2.3:1280",
            "http://127.0.0.1.nip.io:1280",
            "http://[2001:db8::1]:1280")) {
      tried++;
      assertThatThrownBy(() -> Support.client(url).build())
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> Secrets.check("plain http refusal", e));
      ok("refused " + url);
    }
    tried++;
    // Allowed explicitly: builds (no request is made, so nothing leaves the machine).
    Support.client("http://vspc.example.com:1280").allowInsecureHttp(true).build().close();
    for (String url : List.of("http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1")) {
      Support.client(url).build().close();
    }
    ok("allowed explicitly, and loopback");
  }

  @Test
  void wrongTokenErrorNeverShowsTheToken() {
    tried++;
    try (VspcEmulator vspc = VspcEmulator.builder().licenses(3).token("some-other-token").start();
        VspcLicensingClient client = Support.client(vspc.baseUrl()).build()) {
      assertThatThrownBy(() -> client.page(5, 0))
          .isInstanceOfSatisfying(VspcAuthenticationException.class, e -> Secrets.check("401", e));
      Secrets.check("client toString", client.toString());
    }
    ok("401 message and toString without the token");
  }
}

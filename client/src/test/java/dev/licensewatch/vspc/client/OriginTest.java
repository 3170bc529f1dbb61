package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.PATH;
import static dev.licensewatch.vspc.client.Fixtures.TOKEN;
import static dev.licensewatch.vspc.client.Fixtures.licenses;
import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token goes to the configured origin only, and never in clear to a remote host. */
class OriginTest {
  final MockWebServer vspc = new MockWebServer();
  final MockWebServer elsewhere = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws IOException {
    vspc.start(InetAddress.getByName("127.0.0.1"), 0);
    elsewhere.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    vspc.close();
    elsewhere.close();
  }

  private VspcLicensingClient client() {
    return Fixtures.client(vspc, sleeper).baseUrl("http://127.0.0.1:" + vspc.getPort()).build();
  }

  private static MockResponse redirectTo(String location) {
    return new MockResponse.Builder().code(302).setHeader("Location", location).build();
  }

  private static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  @Test
  void aRedirectToAnotherHostGetsNoToken() throws Exception {
    vspc.enqueue(
        redirectTo("http://localhost:" + elsewhere.getPort() + PATH + "?limit=100&offset=0"));
    elsewhere.enqueue(ok(page(2, 0, licenses(0, 2))));
    try (VspcLicensingClient client = client()) {
      assertThat(client.page(100, 0).licenses()).hasSize(2);
    }
    assertThat(take(vspc).getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    RecordedRequest redirected = take(elsewhere);
    assertThat(redirected.getUrl().host()).isEqualTo("localhost");
    assertThat(redirected.getHeaders().get("Authorization")).isNull();
    assertThat(redirected.getHeaders().toString()).doesNotContain(TOKEN);
  }

  @Test
  void aRedirectToAnotherPortOfTheSameHostGetsNoToken() throws Exception {
    vspc.enqueue(redirectTo("http://127.0.0.1:" + elsewhere.getPort() + PATH));
    elsewhere.enqueue(ok(page(2, 0, licenses(0, 2))));
    try (VspcLicensingClient client = client()) {
      client.page(100, 0);
    }
    take(vspc);
    assertThat(take(elsewhere).getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aRedirectWithinTheOriginKeepsTheToken() throws Exception {
    vspc.enqueue(redirectTo(PATH + "?limit=100&offset=0&moved=1"));
    vspc.enqueue(ok(page(2, 0, licenses(0, 2))));
    try (VspcLicensingClient client = client()) {
      client.page(100, 0);
    }
    assertThat(take(vspc).getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    RecordedRequest second = take(vspc);
    assertThat(second.getTarget()).endsWith("moved=1");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void plainHttpToARemoteHostIsRefusedWhenBuilding() {
    IllegalArgumentException e =
        CleanFailures.failure(
            IllegalArgumentException.class,
            () ->
                VspcLicensingClient.builder()
                    .baseUrl("http://vspc.example.com:1280")
                    .token(TOKEN)
                    .build());
    assertThat(e)
        .hasMessageContaining("vspc.example.com")
        .hasMessageContaining("https")
        .hasMessageContaining("allowInsecureHttp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.5:1280", "http://cafe:1280", "http://vspc:1280/api/v3"})
  void plainHttpToAnyNonLoopbackHostIsRefused(String url) {
    CleanFailures.failure(
        IllegalArgumentException.class,
        () -> VspcLicensingClient.builder().baseUrl(url).token(TOKEN).build());
  }

  @Test
  void plainHttpToARemoteHostIsAllowedWhenAskedFor() {
    try (VspcLicensingClient client =
        VspcLicensingClient.builder()
            .baseUrl("http://vspc.example.com:1280")
            .token(TOKEN)
            .allowInsecureHttp(true)
            .build()) {
      assertThat(client.toString()).contains("http://vspc.example.com:1280/");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://vspc.example.com:1280",
        "http://localhost:1280",
        "http://127.0.0.1:1280",
        "http://127.0.0.2:1280",
        "http://[::1]:1280"
      })
  void httpsAndLoopbackNeedNoPermission(String url) {
    try (VspcLicensingClient client =
        VspcLicensingClient.builder().baseUrl(url).token(TOKEN).build()) {
      assertThat(client.toString()).contains("baseUrl=");
    }
  }

  @Test
  void aBaseUrlWithCredentialsIsRefusedWithoutShowingThem() {
    IllegalArgumentException e =
        CleanFailures.failure(
            IllegalArgumentException.class,
            () ->
                VspcLicensingClient.builder()
                    .baseUrl("https://admin:" + TOKEN + "@vspc.example.com:1280")
                    .token(TOKEN)
                    .build());
    assertThat(e).hasMessageContaining("user name or password").hasMessageNotContaining("admin");
  }

  @Test
  void aBaseUrlWithAQueryIsRefused() {
    assertThat(
            CleanFailures.failure(
                IllegalArgumentException.class,
                () ->
                    VspcLicensingClient.builder()
                        .baseUrl("https://vspc.example.com:1280/?x=1")
                        .token(TOKEN)
                        .build()))
        .hasMessageContaining("query");
  }

  @Test
  void theBareHttpClientSendsWhatItIsGivenAndNoToken() throws Exception {
    vspc.enqueue(new MockResponse.Builder().code(401).body("{}").build());
    try (VspcLicensingClient client =
        Fixtures.client(vspc, sleeper)
            .baseUrl("http://127.0.0.1:" + vspc.getPort() + "/api/v3/")
            .build()) {
      assertThat(client.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + vspc.getPort() + "/");
      okhttp3.Request request =
          new okhttp3.Request.Builder()
              .url(client.baseUrl().resolve(PATH.substring(1) + "?limit=501"))
              .build();
      try (okhttp3.Response response = client.httpClientWithoutToken().newCall(request).execute()) {
        assertThat(response.code()).as("a 401 is returned, not thrown").isEqualTo(401);
      }
    }
    RecordedRequest sent = take(vspc);
    assertThat(sent.getHeaders().get("Authorization")).isNull();
    assertThat(sent.getTarget()).isEqualTo(PATH + "?limit=501");
  }
}

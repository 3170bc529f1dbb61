package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer tokens, roles, unknown paths and wrong methods. */
class AuthAndRoutingTest {

  @RegisterExtension
  static final VspcEmulatorExtension VSPC =
      new VspcEmulatorExtension(
          b ->
              b.licenses(5)
                  .token("admin")
                  .token("global", "Service Provider Global Administrator")
                  .token("sp-admin", "service provider administrator")
                  .token("company", "Company Administrator")
                  .token("reader", "Read-only User"));

  @Test
  void toStringNeverShowsATokenEvenInSettingsOrAScenario() {
    Auth auth = Auth.tokens(Map.of("s3cret", VspcEmulator.PORTAL_ADMINISTRATOR));
    Dataset dataset = Dataset.synthetic(1, 1);
    Settings settings =
        new Settings(
            InetAddress.getLoopbackAddress(),
            0,
            1,
            false,
            null,
            false,
            null,
            dataset,
            auth,
            FaultPlan.none(),
            DriftPlan.none(),
            Duration.ZERO,
            Throttling.none(),
            Breaks.NONE,
            AsyncAnswers.none());
    Scenario scenario = Scenario.of(dataset, auth, FaultPlan.none(), DriftPlan.none(), 0);
    assertThat(auth.toString()).isEqualTo("Auth[mode=TOKENS, tokens=1]");
    assertThat(settings.toString()).contains(auth.toString()).doesNotContain("s3cret");
    assertThat(scenario.toString()).contains(auth.toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "global", "sp-admin"})
  void licensingRolesMayReadLicenses(String token) {
    assertThat(Http.get(VSPC.emulator().licensesUrl(), token).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"company", "reader"})
  void otherRolesGet403NamingTheRolesThatMay(String token) {
    Http.Reply reply = Http.get(VSPC.emulator().licensesUrl(), token);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.firstError()).containsEntry("type", "security").containsEntry("code", 403.0);
    assertThat((String) reply.firstError().get("message"))
        .contains(
            "Portal Administrator",
            "Service Provider Global Administrator",
            "Service Provider Administrator");
  }

  @Test
  void aMissingTokenGets401() {
    Http.Reply reply = Http.get(VSPC.emulator().licensesUrl(), null);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.firstError()).containsEntry("type", "security").containsEntry("code", 401.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown", "vspc-emulator-token"})
  void anUnknownTokenGets401(String token) {
    assertThat(Http.get(VSPC.emulator().licensesUrl(), token).status()).isEqualTo(401);
  }

  @Test
  void aNonBearerSchemeGets401() {
    Http.Reply reply = Http.execute(Http.CLIENT, licenses("Basic YWRtaW46eA==").build());
    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void unknownPathsGet404WithTheEnvelope() {
    Http.Reply reply = Http.get(VSPC.baseUrl() + "/api/v3/licensing/backupServerz", "admin");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.firstError()).containsEntry("type", "logical").containsEntry("code", 404.0);
    assertThat((String) reply.firstError().get("message"))
        .contains("/api/v3/licensing/backupServerz");
  }

  @Test
  void providerStatesAreAbsentUnlessEnabled() {
    Http.Reply reply =
        Http.post(VSPC.baseUrl() + ProviderStates.PATH, "{\"state\":\"licenses exist\"}");
    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void otherMethodsGet405WithTheEnvelope() {
    Http.Reply reply =
        Http.execute(
            Http.CLIENT,
            licenses("Bearer admin")
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build());
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("GET");
    assertThat(reply.firstError()).containsEntry("type", "logical").containsEntry("code", 405.0);
  }

  @Test
  void acceptAnyTokenLetsEveryBearerIn() {
    try (VspcEmulator e = VspcEmulator.builder().licenses(1).acceptAnyToken().start()) {
      assertThat(Http.get(e.licensesUrl(), "whatever").status()).isEqualTo(200);
      assertThat(Http.get(e.licensesUrl(), null).status()).isEqualTo(401);
    }
  }

  @Test
  void withoutConfiguredTokensTheDefaultTokenIsAccepted() {
    try (VspcEmulator e = VspcEmulator.builder().licenses(1).start()) {
      assertThat(Http.get(e.licensesUrl(), VspcEmulator.DEFAULT_TOKEN).status()).isEqualTo(200);
    }
  }

  /** A request for the licences with this Authorization header, to finish as a test needs. */
  private static Request.Builder licenses(String authorization) {
    return new Request.Builder()
        .url(VSPC.emulator().licensesUrl())
        .header("Authorization", authorization);
  }
}

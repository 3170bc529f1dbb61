package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract-testing mode: POST /_pact/provider-states decides what the next requests see. */
class ProviderStatesTest {

  @RegisterExtension
  static final VspcEmulatorExtension VSPC = new VspcEmulatorExtension(b -> b.providerStates(true));

  private VspcEmulator vspc;

  @BeforeEach
  void teardown() {
    vspc = VSPC.emulator();
    assertThat(setState("{\"state\":\"licenses exist\",\"action\":\"teardown\"}").status())
        .isEqualTo(200);
  }

  private Http.Reply setState(String json) {
    return Http.post(vspc.baseUrl() + ProviderStates.PATH, json);
  }

  private Http.Reply licenses(String token) {
    return Http.get(vspc.licensesUrl(), token);
  }

  @Test
  void beforeAnyStateThreeLicensesAreServedToAnyBearer() {
    Http.Reply reply = licenses("example-token-from-the-pact");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.pagingInfo()).containsEntry("total", 3.0);
    assertThat(licenses("").status()).as("an empty bearer is still refused").isEqualTo(401);
  }

  @Test
  void licensesExistServesTheRequestedTotal() {
    Http.Reply set =
        setState("{\"state\":\"licenses exist\",\"params\":{\"total\":7},\"action\":\"setup\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.text()).isEqualTo("{}");
    assertThat(set.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    Http.Reply reply = licenses("x");
    assertThat(reply.pagingInfo()).containsEntry("total", 7.0);
    assertThat(reply.data()).hasSize(7);
  }

  @Test
  void everyStatusServesEightFixedLicensesTwoOfThemExpired() {
    setState("{\"state\":\"licenses of every status exist\"}");
    List<Map<String, Object>> data = licenses("x").data();
    assertThat(data).hasSize(8).allSatisfy(l -> assertThat(l).hasSize(23));
    assertThat(data)
        .extracting(l -> l.get("status"))
        .containsExactly(
            "Valid", "Expired", "Warning", "Expired", "Error", "Unlicensed", "Unknown", "Valid");
    assertThat(data).extracting(l -> l.get("company")).doesNotHaveDuplicates();
    assertThat(data).extracting(l -> l.get("expirationDate")).doesNotHaveDuplicates();
  }

  @Test
  void queuedRequestsAndAFinishedAction() {
    setState("{\"state\":\"requests are answered asynchronously\",\"params\":{\"polls\":1}}");
    Http.Reply queued = licenses("x");
    assertThat(queued.status()).isEqualTo(202);
    assertThat(Http.get(queued.header("Location"), "x").text()).contains("\"status\":\"Running\"");

    String id = "0b3c1f6e-2d4a-4c5b-8e9f-7a6b5c4d3e2f";
    setState(
        "{\"state\":\"an asynchronous action has finished\",\"params\":{\"actionId\":\""
            + id
            + "\"}}");
    String action = vspc.baseUrl() + "/api/v3/asyncActions/" + id;
    assertThat(Http.get(action, "x").text()).contains("\"status\":\"Succeed\"");
    Http.Reply result = Http.get(action + "/result", "x");
    assertThat(result.pagingInfo()).containsEntry("total", 3.0);
    assertThat(licenses("x").status()).as("requests are answered at once again").isEqualTo(200);
    assertThat(
            setState(
                    "{\"state\":\"an asynchronous action has finished\",\"params\":{\"actionId\":\"x\"}}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void aMissingActionMeansSetupAndParamsMayBeStrings() {
    setState("{\"state\":\"licenses exist\",\"params\":{\"total\":\"12\"}}");
    assertThat(licenses("x").pagingInfo()).containsEntry("total", 12.0);
  }

  @Test
  void theNullablesStateServesOneLicenseWithExactlyThoseNull() {
    setState("{\"state\":\"a license with every nullable property null\"}");
    List<Map<String, Object>> data = licenses("x").data();
    assertThat(data).hasSize(1);
    Map<String, Object> license = data.get(0);
    assertThat(license.keySet()).hasSize(23);
    license.forEach(
        (name, value) ->
            assertThat(value == null).as(name).isEqualTo(LicenseGenerator.NULLABLE.contains(name)));
  }

  @Test
  void theEveryPropertyStateServesOneCompleteLicense() {
    setState("{\"state\":\"a license with every property present\"}");
    Map<String, Object> license = licenses("x").data().get(0);
    assertThat(license).hasSize(23).doesNotContainValue(null);
    assertThat(license.values())
        .filteredOn(List.class::isInstance)
        .allSatisfy(v -> assertThat((List<?>) v).isNotEmpty());
  }

  @Test
  void theInvalidTokenStateRefusesEveryone() {
    setState("{\"state\":\"the token is not valid\"}");
    Http.Reply reply = licenses("perfectly-good-token");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.firstError()).containsEntry("type", "security").containsEntry("code", 401.0);
  }

  @Test
  void theLacksRoleStateForbidsAuthenticatedCallers() {
    setState("{\"state\":\"the caller lacks a licensing role\"}");
    Http.Reply reply = licenses("x");
    assertThat(reply.status()).isEqualTo(403);
    assertThat((String) reply.firstError().get("message"))
        .contains(
            "Portal Administrator",
            "Service Provider Global Administrator",
            "Service Provider Administrator");
    assertThat(Http.get(vspc.licensesUrl(), null).status()).isEqualTo(401);
  }

  @Test
  void theThrottledStateAnswers429WithHeaderAndBody() {
    setState("{\"state\":\"requests are throttled\",\"params\":{\"retryAfter\":25}}");
    for (int i = 0; i < 2; i++) {
      Http.Reply reply = licenses("x");
      assertThat(reply.status()).isEqualTo(429);
      assertThat(reply.header("Retry-After")).isEqualTo("25");
      assertThat(reply.text())
          .isEqualTo(
              "{\"errors\":[{\"message\":\"Too many requests.\","
                  + "\"type\":\"transport\",\"code\":429,\"retryAfter\":25}]}");
    }
  }

  @Test
  void teardownRestoresTheInitialState() {
    setState("{\"state\":\"the token is not valid\"}");
    setState("{\"state\":\"the token is not valid\",\"action\":\"teardown\"}");
    assertThat(licenses("x").pagingInfo()).containsEntry("total", 3.0);
  }

  @Test
  void anUnknownStateIs400WithTheKnownStates() {
    Http.Reply reply = setState("{\"state\":\"the moon is full\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat((String) reply.firstError().get("message"))
        .contains("the moon is full")
        .contains("licenses exist");
  }

  @Test
  void tearingDownAnUnknownStateIs400() {
    Http.Reply reply = setState("{\"state\":\"the moon is full\",\"action\":\"teardown\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.firstError()).containsEntry("type", "logical").containsEntry("code", 400.0);
  }

  @Test
  void aPactJsStatesArrayNamesTheState() {
    assertThat(setState("{\"states\":[\"the token is not valid\"]}").status()).isEqualTo(200);
    assertThat(licenses("x").status()).isEqualTo(401);
  }

  @Test
  void stateChangesOtherThanPostGet405() {
    Http.Reply reply = Http.get(vspc.baseUrl() + ProviderStates.PATH, null);
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("POST");
  }

  @Test
  void malformedChangesAre400() {
    assertThat(setState("not json").status()).isEqualTo(400);
    assertThat(setState("{\"params\":{}}").status()).isEqualTo(400);
    assertThat(setState("{\"state\":\"licenses exist\",\"params\":{\"total\":-1}}").status())
        .isEqualTo(400);
    assertThat(setState("{\"state\":\"licenses exist\",\"action\":\"explode\"}").status())
        .isEqualTo(400);
  }

  @Test
  void statesCanBeAppliedFromCode() {
    vspc.applyProviderState(ProviderStates.LICENSES_EXIST, Map.of("total", 4));
    assertThat(licenses("x").pagingInfo()).containsEntry("total", 4.0);
    vspc.resetProviderState();
    assertThat(licenses("x").pagingInfo()).containsEntry("total", 3.0);
  }

  @Test
  void theSameStateServesTheSameLicensesEveryTime() {
    setState("{\"state\":\"licenses exist\",\"params\":{\"total\":5}}");
    byte[] first = licenses("x").body();
    setState("{\"state\":\"licenses exist\",\"params\":{\"total\":5}}");
    assertThat(licenses("y").body()).isEqualTo(first);
  }
}

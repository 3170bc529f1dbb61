package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Licences requests queued as asynchronous actions, and the two resources that follow them. */
class AsyncAnswersTest {

  @RegisterExtension
  final VspcEmulatorExtension vspc =
      new VspcEmulatorExtension(b -> b.licenses(7).async("succeed:2"));

  private Http.Reply get(String url, String requestId) {
    Request.Builder b =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + VspcEmulator.DEFAULT_TOKEN);
    if (requestId != null) {
      b.header("X-Request-id", requestId);
    }
    return Http.execute(Http.CLIENT, b.build());
  }

  private Http.Reply licenses(String query, String requestId) {
    return get(vspc.emulator().licensesUrl() + query, requestId);
  }

  @SuppressWarnings("unchecked")
  private static String status(Http.Reply action) {
    return (String) ((Map<String, Object>) action.json().get("data")).get("status");
  }

  @Test
  void aQueuedAnswerSaysAcceptedInItsStatusLine() throws IOException {
    Request request =
        new Request.Builder()
            .url(vspc.emulator().licensesUrl())
            .header("Authorization", "Bearer " + VspcEmulator.DEFAULT_TOKEN)
            .build();
    try (okhttp3.Response response = Http.CLIENT.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(202);
      assertThat(response.message()).isEqualTo("Accepted");
    }
  }

  @Test
  void aQueuedRequestIsFollowedToThePageItAskedFor() {
    Http.Reply queued = licenses("?limit=5&offset=1", null);
    assertThat(queued.status()).isEqualTo(202);
    String location = queued.header("Location");
    assertThat(location).startsWith(vspc.emulator().baseUrl() + "/api/v3/asyncActions/");

    Http.Reply notReady = get(location + "/result", null);
    assertThat(notReady.status()).as("not ready yet").isEqualTo(202);
    assertThat(notReady.header("Location"))
        .as("the action, absolute as in the 202 that queued the request")
        .isEqualTo(location);
    assertThat(status(get(location, null))).isEqualTo("Running");
    assertThat(status(get(location, null))).isEqualTo("Running");
    Http.Reply done = get(location, null);
    assertThat(status(done)).isEqualTo("Succeed");
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) done.json().get("data");
    assertThat(data)
        .containsEntry("id", location.substring(location.lastIndexOf('/') + 1))
        .containsEntry("actionName", "GetBackupServersLicenses")
        .containsKey("initiatorUid");

    Http.Reply result = get(location + "/result", null);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.pagingInfo()).isEqualTo(Map.of("total", 7.0, "count", 5.0, "offset", 1.0));
    assertThat(result.data()).isEqualTo(Http.licenses(withoutAsync(), "limit=5&offset=1").data());
  }

  private VspcEmulator withoutAsync() {
    vspc.emulator().setAsync(AsyncAnswers.none());
    return vspc.emulator();
  }

  @Test
  void theActionIsNamedByTheRequestIdSoARetryGetsTheSameOne() {
    String id = UUID.randomUUID().toString();
    Http.Reply first = licenses("", id);
    Http.Reply retry = licenses("", id);
    assertThat(first.header("Location"))
        .endsWith("/api/v3/asyncActions/" + id)
        .isEqualTo(retry.header("Location"));
    Http.Reply other = licenses("", UUID.randomUUID().toString());
    assertThat(other.header("Location")).isNotEqualTo(first.header("Location"));
  }

  @Test
  void aFailedActionsResultIsTheError() {
    vspc.emulator().setAsync(AsyncAnswers.parse("fail"));
    String location = licenses("", null).header("Location");
    assertThat(status(get(location, null))).isEqualTo("Failed");
    Http.Reply result = get(location + "/result", null);
    assertThat(result.status()).isEqualTo(520);
    assertThat(result.firstError())
        .containsEntry("code", 520.0)
        .containsEntry("type", "unspecified");
  }

  @Test
  void aCanceledActionHasNoResult() {
    vspc.emulator().setAsync(AsyncAnswers.of(AsyncAnswers.Outcome.CANCEL, 0));
    String location = licenses("", null).header("Location");
    assertThat(status(get(location, null))).isEqualTo("Canceled");
    assertThat(get(location + "/result", null).status()).isEqualTo(404);
  }

  @Test
  void aBadRequestIsAnsweredAtOnceNotQueued() {
    assertThat(licenses("?limit=0", null).status()).isEqualTo(400);
    assertThat(licenses("?filter=nope", null).firstError())
        .containsEntry("parameterName", "filter");
    assertThat(Http.get(vspc.emulator().licensesUrl(), null).status()).isEqualTo(401);
  }

  @Test
  void unknownActionsAndBadIds() {
    String base = vspc.emulator().baseUrl() + "/api/v3/asyncActions/";
    assertThat(get(base + UUID.randomUUID(), null).status()).isEqualTo(404);
    Http.Reply bad = get(base + "nope/result", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.firstError()).containsEntry("parameterName", "actionId");
    String location = licenses("", null).header("Location");
    assertThat(Http.get(location, null).status()).as("the action needs a token too").isEqualTo(401);
  }

  @Test
  void theSpecForm() {
    assertThat(AsyncAnswers.parse("").isNone()).isTrue();
    assertThat(AsyncAnswers.parse("none").isNone()).isTrue();
    assertThat(AsyncAnswers.parse("Succeed:3")).hasToString("succeed:3");
    assertThat(AsyncAnswers.parse("cancel")).hasToString("cancel:0");
    assertThatThrownBy(() -> AsyncAnswers.parse("later"))
        .hasMessageContaining("expected none, succeed, fail or cancel");
    assertThatThrownBy(() -> AsyncAnswers.parse("fail:-1"))
        .hasMessageContaining("whole number >= 0");
  }
}

package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real responses of the emulator (PascalCase) validate against the OpenAPI document. */
class SpecConformanceTest {

  @RegisterExtension
  static final VspcEmulatorExtension VSPC =
      new VspcEmulatorExtension(
          b ->
              b.licenses(1_234)
                  .seed(7)
                  .today(LocalDate.of(2026, 3, 1))
                  .token(VspcEmulator.DEFAULT_TOKEN)
                  .token("reader", "Read-only User"));

  private static Http.Reply fetchValid(String url, String token) {
    Http.Reply reply = Http.get(url, token);
    ValidationReport report = SpecValidator.validate(url, reply);
    assertThat(report.getMessages())
        .as("spec violations of %s (%d)", url, reply.status())
        .isEmpty();
    return reply;
  }

  private static String url(String query) {
    return VSPC.emulator().licensesUrl() + query;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "?limit=500",
        "?limit=500&offset=500",
        "?limit=500&offset=1000",
        "?offset=1200&limit=34",
        "?limit=1",
        "?limit=1&offset=1233"
      })
  void pagesConformToTheDocument(String query) {
    Http.Reply reply = fetchValid(url(query), VspcEmulator.DEFAULT_TOKEN);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
  }

  @Test
  void theWholeCollectionConformsPageByPage() {
    for (int offset = 0; offset < 1_234; offset += 500) {
      assertThat(fetchValid(url("?limit=500&offset=" + offset), VspcEmulator.DEFAULT_TOKEN).data())
          .isNotEmpty();
    }
  }

  @Test
  void anEmptyPageConforms() {
    Http.Reply reply = fetchValid(url("?offset=5000"), VspcEmulator.DEFAULT_TOKEN);
    assertThat(reply.data()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"?limit=0", "?limit=501", "?limit=abc", "?offset=-1", "?offset=x"})
  void badParametersGet400ThatConforms(String query) {
    assertThat(fetchValid(url(query), VspcEmulator.DEFAULT_TOKEN).status()).isEqualTo(400);
  }

  @Test
  void unauthenticatedGets401ThatConforms() {
    assertThat(fetchValid(url(""), "wrong").status()).isEqualTo(401);
  }

  @Test
  void forbiddenGets403ThatConforms() {
    assertThat(fetchValid(url(""), "reader").status()).isEqualTo(403);
  }

  @Test
  void unknownPathGets404ThatConforms() {
    // The validator only knows the licences path; validate the body as that operation's 404.
    Http.Reply reply =
        Http.get(VSPC.baseUrl() + "/api/v3/licensing/backupServerz", VspcEmulator.DEFAULT_TOKEN);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(SpecValidator.validate(url(""), reply).getMessages()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"429@1", "429body@1", "429both:25@1", "520@1"})
  void faultResponsesWithAnEnvelopeConform(String spec) {
    VSPC.emulator().setFaults(spec);
    try {
      Http.Reply reply = fetchValid(url(""), VspcEmulator.DEFAULT_TOKEN);
      assertThat(reply.status()).isIn(429, 520);
    } finally {
      VSPC.emulator().setFaults(FaultPlan.none());
    }
  }

  private static String encoded(String json) {
    return java.net.URLEncoder.encode(json, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void filteredAndSortedPagesConform() {
    Http.Reply reply =
        fetchValid(
            url(
                "?limit=50&filter="
                    + encoded(
                        "[{\"property\":\"status\",\"operation\":\"in\",\"value\":[\"Expired\",\"Warning\"]}]")
                    + "&sort="
                    + encoded("[{\"property\":\"expirationDate\",\"direction\":\"descending\"}]")),
            VspcEmulator.DEFAULT_TOKEN);
    assertThat(reply.data())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.get("status")).isIn("Expired", "Warning"));
  }

  @Test
  void aSelectedPageBreaksTheDocumentOnlyByLeavingOutWhatWasNotSelected() {
    Http.Reply reply =
        Http.get(
            url(
                "?select="
                    + encoded(
                        "[{\"propertyPath\":\"company\"},{\"propertyPath\":\"expirationDate\"}]")),
            VspcEmulator.DEFAULT_TOKEN);
    assertThat(reply.data())
        .hasSize(100)
        .allSatisfy(l -> assertThat(l.keySet()).isSubsetOf("company", "expirationDate"));
    // The document cannot say "required unless not selected": only that message may come.
    assertThat(SpecValidator.validate(url(""), reply).getMessages())
        .isNotEmpty()
        .allSatisfy(
            m -> {
              assertThat(m.getKey()).isEqualTo("validation.response.body.schema.required");
              assertThat(m.getMessage()).contains("autoUpdateEnabled");
            });
  }

  @Test
  void aRejectedFilterGets400ThatConforms() {
    Http.Reply reply =
        fetchValid(
            url("?filter=" + encoded("[{\"property\":\"x\",\"operation\":\"equals\"}]")),
            VspcEmulator.DEFAULT_TOKEN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.firstError()).containsEntry("parameterName", "filter");
  }

  @Test
  void asynchronousAnswersConform() {
    VSPC.emulator().setAsync(AsyncAnswers.parse("succeed:1"));
    try {
      Http.Reply queued = fetchValid(url("?limit=3"), VspcEmulator.DEFAULT_TOKEN);
      assertThat(queued.status()).isEqualTo(202);
      String action = queued.header("Location");
      assertThat(fetchValid(action, VspcEmulator.DEFAULT_TOKEN).status()).isEqualTo(200);
      assertThat(fetchValid(action, VspcEmulator.DEFAULT_TOKEN).status()).isEqualTo(200);
      Http.Reply result = fetchValid(action + "/result", VspcEmulator.DEFAULT_TOKEN);
      assertThat(result.data()).hasSize(3);
      assertThat(
              fetchValid(
                      VSPC.baseUrl() + "/api/v3/asyncActions/" + java.util.UUID.randomUUID(),
                      VspcEmulator.DEFAULT_TOKEN)
                  .status())
          .isEqualTo(404);
    } finally {
      VSPC.emulator().setAsync(AsyncAnswers.none());
    }
  }

  @Test
  void theValidatorWouldCatchANonConformingLicense() {
    Http.Reply broken =
        new Http.Reply(
            200,
            okhttp3.Headers.of("Content-Type", Response.JSON),
            ("{\"meta\":{\"pagingInfo\":{\"total\":1,\"count\":1,\"offset\":0}},"
                    + "\"data\":[{\"status\":\"Valid\",\"units\":null}]}")
                .getBytes());
    assertThat(SpecValidator.validate(url(""), broken).getMessages())
        .as("missing autoUpdateEnabled and a null units")
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void providerStateLicensesConform() {
    try (VspcEmulator e = VspcEmulator.builder().providerStates(true).start()) {
      for (String state :
          new String[] {
            ProviderStates.LICENSES_EXIST,
            ProviderStates.NULLABLES_NULL,
            ProviderStates.EVERY_PROPERTY,
            ProviderStates.EVERY_STATUS
          }) {
        e.applyProviderState(state, java.util.Map.of());
        Http.Reply reply = Http.get(e.licensesUrl(), "anything");
        assertThat(SpecValidator.validate(e.licensesUrl(), reply).getMessages())
            .as(state)
            .isEmpty();
      }
    }
  }
}

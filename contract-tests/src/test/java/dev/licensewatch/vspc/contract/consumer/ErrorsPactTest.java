package dev.licensewatch.vspc.contract.consumer;

import static dev.licensewatch.vspc.contract.Contract.PATH;
import static dev.licensewatch.vspc.contract.Contract.clientHeaders;
import static dev.licensewatch.vspc.contract.Contract.errorEnvelope;
import static dev.licensewatch.vspc.contract.Contract.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.licensewatch.vspc.client.VspcAuthenticationException;
import dev.licensewatch.vspc.client.VspcBadRequestException;
import dev.licensewatch.vspc.client.VspcException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.client.VspcPermissionException;
import dev.licensewatch.vspc.client.VspcRateLimitedException;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.emulator.ProviderStates;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Errors: 401 and 403 with the error envelope, 400 naming the parameter, 429 with Retry-After. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class ErrorsPactTest {

  /** The request of an error interaction: a GET of the licences, from the given state. */
  private static PactDslRequestWithPath get(PactDslWithState given, String description) {
    return clientHeaders(given.uponReceiving(description).method("GET").path(PATH));
  }

  /** A 401 or 403 interaction: the server answers the GET with a security error envelope. */
  private static V4Pact securityError(
      PactDslWithState given, String description, int status, String message) {
    return json(
            get(given, description).willRespondWith().status(status),
            errorEnvelope(message, "security", status, Map.of(), Map.of()))
        .toPact(V4Pact.class);
  }

  /** The exception {@code page()} must end in against the mock server; fails if it does not. */
  private static <T extends VspcException> T pageFailsWith(MockServer server, Class<T> type) {
    try (VspcLicensingClient client = ConsumerClient.against(server).build()) {
      T e = catchThrowableOfType(type, client::page);
      assertThat(e).as("page() throws " + type.getSimpleName()).isNotNull();
      return e;
    }
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact tokenNotValid(PactDslWithProvider builder) {
    return securityError(
        builder.given(ProviderStates.TOKEN_NOT_VALID),
        "a request with a token the server does not accept",
        401,
        "Authorization has been denied for this request.");
  }

  @Test
  @PactTestFor(pactMethod = "tokenNotValid")
  void tokenNotValid(MockServer server) {
    assertThat(pageFailsWith(server, VspcAuthenticationException.class).httpStatus())
        .isEqualTo(401);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact lacksRole(PactDslWithProvider builder) {
    return securityError(
        builder.given(ProviderStates.LACKS_ROLE),
        "a request from a caller without a licensing role",
        403,
        "Access to the requested resource is forbidden.");
  }

  @Test
  @PactTestFor(pactMethod = "lacksRole")
  void lacksRole(MockServer server) {
    assertThat(pageFailsWith(server, VspcPermissionException.class).httpStatus()).isEqualTo(403);
  }

  /**
   * A limit out of range. The client never sends one itself (it checks 1..500 before sending), so
   * this test rewrites {@code limit=500} to {@code limit=501} in an OkHttp interceptor on the way
   * out, as a server with a smaller range would see it: the client facade still does everything
   * else, including the mapping of the 400 to {@link VspcBadRequestException}.
   */
  @Pact(consumer = Contract.CONSUMER)
  V4Pact limitOutOfRange(PactDslWithProvider builder) {
    return json(
            get(
                    builder.given(ProviderStates.LICENSES_EXIST, Map.of("total", 3)),
                    "a request with limit out of range (limit=501)")
                .query("limit=501&offset=0")
                .willRespondWith()
                .status(400),
            errorEnvelope(
                "Property value must be between 1 and 500.",
                "logical",
                400,
                Map.of("parameterName", "limit"),
                Map.of()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "limitOutOfRange")
  void limitOutOfRange(MockServer server) {
    Interceptor limit501 =
        chain -> {
          HttpUrl url = chain.request().url();
          HttpUrl rewritten = url.newBuilder().setQueryParameter("limit", "501").build();
          return chain.proceed(chain.request().newBuilder().url(rewritten).build());
        };
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(limit501).build();
    try (VspcLicensingClient client = ConsumerClient.against(server).okHttpClient(http).build()) {
      VspcBadRequestException e =
          catchThrowableOfType(VspcBadRequestException.class, () -> client.page(500, 0));
      assertThat(e).isNotNull();
      assertThat(e.parameterName()).isEqualTo("limit");
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return json(
            get(
                    builder.given(ProviderStates.THROTTLED, Map.of("retryAfter", 25)),
                    "a request while requests are throttled")
                .willRespondWith()
                .status(429)
                .matchHeader("Retry-After", Contract.DELTA_SECONDS, "25"),
            errorEnvelope(
                "Too many requests.", "transport", 429, Map.of(), Map.of("retryAfter", 25)))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void throttled(MockServer server) {
    // A 429 spends no attempt: the client would wait the 25 s; a 10 s deadline fails at once.
    try (VspcLicensingClient client =
        ConsumerClient.against(server).deadline(Duration.ofSeconds(10)).build()) {
      VspcRateLimitedException e =
          catchThrowableOfType(VspcRateLimitedException.class, client::page);
      assertThat(e).isNotNull().hasMessageContaining("10 s deadline");
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(25));
    }
  }
}

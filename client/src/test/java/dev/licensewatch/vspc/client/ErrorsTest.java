package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.TOKEN;
import static dev.licensewatch.vspc.client.Fixtures.errors;
import static dev.licensewatch.vspc.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Each failure is a typed exception whose one-line message tells the user what to do. */
class ErrorsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();

  private <T extends Throwable> T failure(Class<T> type) {
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).maxAttempts(1).build()) {
      return CleanFailures.failure(type, () -> client.page(100, 0));
    }
  }

  @Test
  void badRequestNamesTheParameter() {
    server.enqueue(
        json(
            400,
            errors(
                "Property value must be between 1 and 500.",
                "logical",
                400,
                "\"parameterName\":\"limit\"")));
    VspcBadRequestException e = failure(VspcBadRequestException.class);
    assertThat(e.parameterName()).isEqualTo("limit");
    assertThat(e)
        .hasMessageContaining("'limit'")
        .hasMessageContaining("Property value must be between 1 and 500.");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errors()).hasSize(1);
    assertThat(e.requestId()).isNotNull();
  }

  @Test
  void badRequestFallsBackToThePropertyName() {
    server.enqueue(json(400, errors("Invalid.", "logical", 400, "\"propertyName\":\"offset\"")));
    assertThat(failure(VspcBadRequestException.class).parameterName()).isEqualTo("offset");
  }

  @Test
  void badRequestWithoutANameHasNone() {
    server.enqueue(json(400, "not json"));
    VspcBadRequestException e = failure(VspcBadRequestException.class);
    assertThat(e.parameterName()).isNull();
    assertThat(e.errors()).isEmpty();
  }

  @Test
  void unauthorizedSaysToCheckTheToken() {
    server.enqueue(
        json(401, errors("Authorization has been denied for this request.", "security", 401, "")));
    VspcAuthenticationException e = failure(VspcAuthenticationException.class);
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e)
        .hasMessageContaining("token")
        .hasMessageContaining("check")
        .hasMessageContaining("Authorization has been denied for this request.");
  }

  @Test
  void forbiddenNamesTheThreeRoles() {
    server.enqueue(
        json(403, errors("Access to the requested resource is forbidden.", "security", 403, "")));
    VspcPermissionException e = failure(VspcPermissionException.class);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e)
        .hasMessageContaining("Portal Administrator")
        .hasMessageContaining("Service Provider Global Administrator")
        .hasMessageContaining("Service Provider Administrator");
  }

  @Test
  void notFoundPointsAtTheBaseUrl() {
    server.enqueue(
        json(
            404,
            errors("Resource /api/v3/licensing/backupServerz was not found.", "logical", 404, "")));
    VspcNotFoundException e = failure(VspcNotFoundException.class);
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e)
        .hasMessageContaining("base URL")
        .hasMessageContaining("/api/v3/licensing/backupServers");
  }

  @Test
  void serverErrorCarriesTheEnvelope() {
    server.enqueue(json(520, Fixtures.SERVER_ERROR_520));
    VspcServerException e = failure(VspcServerException.class);
    assertThat(e.httpStatus()).isEqualTo(520);
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message())
                  .isEqualTo("Failed to retrieve the licenses of the managed servers.");
              assertThat(error.type().value()).isEqualTo("unspecified");
              assertThat(error.code()).isEqualTo(520);
            });
    assertThat(e)
        .hasMessageContaining("520")
        .hasMessageContaining("Failed to retrieve the licenses of the managed servers.");
  }

  @Test
  void aQueuedAnswerWhoseLocationNamesNoAsynchronousActionIsAServerExceptionSayingSo() {
    server.enqueue(
        new MockResponse.Builder()
            .code(202)
            .setHeader("Location", "/api/v3/asyncActions/7c1e")
            .build());
    VspcServerException e;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      e = CleanFailures.failure(VspcServerException.class, () -> client.page(100, 0));
    }
    assertThat(e.httpStatus()).isEqualTo(202);
    assertThat(e)
        .hasMessageContaining("queued")
        .hasMessageContaining("/api/v3/asyncActions/7c1e")
        .hasMessageContaining("does not name an asynchronous action");
    assertThat(e.requestId()).isNotNull();
    assertThat(server.getRequestCount()).as("not retried, nothing polled").isEqualTo(1);
  }

  @Test
  void aNonJsonServiceUnavailableBodyStillMapsCleanly() {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .setHeader("Content-Type", "text/html")
            .body("<html>\n<body>\n<h1>503 Service Unavailable</h1>\n</body>\n</html>\n")
            .build());
    VspcServerException e = failure(VspcServerException.class);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.errors()).isEmpty();
    assertThat(e).hasMessageStartingWith("HTTP 503 from GET http://127.0.0.1:");
  }

  @Test
  void aMultiLineServerMessageBecomesOneLine() {
    server.enqueue(
        json(520, errors("first line\\nsecond line\\r\\nthird", "unspecified", 520, "")));
    VspcServerException e = failure(VspcServerException.class);
    assertThat(e).hasMessageContaining("first line second line third");
  }

  @Test
  void anotherUnexpectedStatusIsAServerException() {
    server.enqueue(json(409, errors("Conflict.", "logical", 409, "")));
    VspcServerException e = failure(VspcServerException.class);
    assertThat(e.httpStatus()).isEqualTo(409);
  }

  @Test
  void aServerThatEchoesTheTokenDoesNotLeakItIntoTheMessage() {
    server.enqueue(json(401, errors("Token " + TOKEN + " is expired.", "security", 401, "")));
    VspcAuthenticationException e = failure(VspcAuthenticationException.class);
    assertThat(e).hasMessageContaining("Token *** is expired.");
    assertThat(e.errors())
        .extracting(error -> error.message())
        .containsExactly("Token *** is expired.");
  }

  @Test
  void aServerThatEchoesTheAuthorizationHeaderDoesNotLeakIt() {
    server.enqueue(json(400, errors("Bad header: Bearer " + TOKEN, "logical", 400, "")));
    failure(VspcBadRequestException.class);
  }

  @Test
  void allExceptionsAreVspcExceptions() {
    server.enqueue(json(403, "{}"));
    VspcException e = failure(VspcException.class);
    assertThat(e).isInstanceOf(VspcPermissionException.class).isInstanceOf(RuntimeException.class);
  }
}

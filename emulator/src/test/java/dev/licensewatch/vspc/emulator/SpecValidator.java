package dev.licensewatch.vspc.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Checks real emulator exchanges against the project's OpenAPI document, in its closed-enums view:
 * the emulator is ours, so an enum value outside the document's known lists is a bug here, although
 * real clients must accept one from a real server.
 */
final class SpecValidator {

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(loadSpec()).build();

  private SpecValidator() {}

  static String loadSpec() {
    try (InputStream in =
        Objects.requireNonNull(
            SpecValidator.class
                .getClassLoader()
                .getResourceAsStream("openapi/vspc-licensing-v3.closed-enums.json"),
            "the api-spec artifact must be on the test classpath")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validation messages of this exchange (empty when it conforms). */
  static ValidationReport validate(String url, Http.Reply reply) {
    HttpUrl u = Objects.requireNonNull(HttpUrl.parse(url));
    SimpleResponse.Builder response =
        SimpleResponse.Builder.status(reply.status()).withBody(reply.text());
    reply
        .headers()
        .names()
        .forEach(name -> response.withHeader(name, reply.headers().values(name)));
    // Only the response: tests send invalid requests on purpose to get 400s.
    return VALIDATOR.validateResponse(u.encodedPath(), Request.Method.GET, response.build());
  }
}

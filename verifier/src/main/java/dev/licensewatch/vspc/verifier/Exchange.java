package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * One request and what came back for it, after polite retries: a status, headers and the whole
 * body, or the failure. Never holds the token: {@link #request} and {@link #auth} describe it.
 */
record Exchange(
    String request,
    Map<String, String> query,
    String auth,
    int status,
    Headers headers,
    byte[] body,
    @Nullable IOException failure,
    int attempts,
    int throttled,
    Duration time) {

  static final ObjectMapper JSON = new ObjectMapper();

  boolean ok() {
    return failure == null && status == 200;
  }

  boolean answered() {
    return failure == null;
  }

  @Nullable String contentType() {
    return headers.get("Content-Type");
  }

  @Nullable String queryParameter(String name) {
    return query.get(name);
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON, or null when it is not JSON. */
  @Nullable JsonNode json() {
    return parse(body);
  }

  static @Nullable JsonNode parse(byte @Nullable [] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  /** "HTTP 401" or "no answer (ConnectException: Connection refused)". */
  String outcome() {
    if (failure != null) {
      String message = failure.getMessage();
      return "no answer ("
          + failure.getClass().getSimpleName()
          + (message == null ? "" : ": " + message)
          + ")";
    }
    return "HTTP " + status;
  }

  /** What a report says about retries, or "". */
  String retries() {
    if (attempts <= 1) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        " (after %d attempts%s)",
        attempts,
        throttled > 0 ? ", " + throttled + " throttled" : "");
  }
}

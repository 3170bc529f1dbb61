package dev.licensewatch.vspc.emulator;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /_pact/provider-states} in provider-states mode: {@code {"state", "params",
 * "action"}} (pact-js's {@code "states": [...]} too) sets up a state or tears it down.
 */
final class ProviderStateEndpoint {

  private static final Logger log = LoggerFactory.getLogger(ProviderStateEndpoint.class);
  private static final Response OK_EMPTY_OBJECT = Response.json(200, Json.EMPTY_OBJECT);

  private final BiConsumer<String, Map<String, ?>> setUp;
  private final Runnable reset;

  /**
   * @param setUp applies a state; throws IllegalArgumentException for an unknown state or a bad
   *     parameter
   * @param reset goes back to the state before any was set
   */
  ProviderStateEndpoint(BiConsumer<String, Map<String, ?>> setUp, Runnable reset) {
    this.setUp = setUp;
    this.reset = reset;
  }

  /** The answer to a POST: 200 {@code {}}, or 400 saying what is wrong. */
  Response change(Request request) {
    Map<?, ?> body;
    try (Buffer b = new Buffer().write(request.body());
        JsonReader r = JsonReader.of(b)) {
      Object value = request.body().length == 0 ? Map.of() : r.readJsonValue();
      if (!(value instanceof Map<?, ?> m)) {
        return Response.error(400, "A provider state change must be a JSON object.", "logical");
      }
      body = m;
    } catch (IOException | RuntimeException e) {
      return Response.error(
          400, "A provider state change must be JSON: " + e.getMessage(), "logical");
    }
    Object state = body.get("state");
    if (state == null && body.get("states") instanceof List<?> states && !states.isEmpty()) {
      state = states.get(0); // pact-js style
    }
    if (!(state instanceof String name) || name.isBlank()) {
      return Response.error(
          400,
          "A provider state change needs a \"state\" name. Known states: "
              + String.join("; ", ProviderStates.ALL)
              + ".",
          "logical");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    if (body.get("params") instanceof Map<?, ?> p) {
      p.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              params.put(k.toString(), v);
            }
          });
    }
    Object action = body.get("action");
    try {
      if (action == null || "setup".equalsIgnoreCase(action.toString())) {
        setUp.accept(name, params);
      } else if ("teardown".equalsIgnoreCase(action.toString())) {
        ProviderStates.setupFor(name, params); // an unknown name is still an error
        reset.run();
      } else {
        return Response.error(
            400,
            "Unknown provider state action '" + action + "'; use setup or teardown.",
            "logical");
      }
    } catch (IllegalArgumentException e) {
      return Response.error(400, String.valueOf(e.getMessage()), "logical");
    }
    log.debug("provider state '{}' {} with {}", name, action == null ? "setup" : action, params);
    return OK_EMPTY_OBJECT;
  }
}

package dev.licensewatch.vspc.client;

import org.jspecify.annotations.Nullable;

/**
 * Receives the places where a response breaks the document, when decoding is lenient.
 *
 * <p>Set it as a tag on the {@link com.squareup.moshi.JsonReader} ({@code
 * reader.setTag(ViolationSink.class, sink)}) before decoding. Without it, decoding is strict: the
 * first violation throws a {@link com.squareup.moshi.JsonDataException} naming its JSON path.
 */
@FunctionalInterface
interface ViolationSink {
  /**
   * Called once per violation; decoding then goes on with the property left null (or the list
   * element left out).
   *
   * @param jsonPath where, e.g. {@code $.data[3].autoUpdateEnabled}
   * @param message what was wrong, e.g. {@code expected a boolean but was STRING}
   * @param identity the enclosing licence's identity when known, e.g. {@code backupServerUid
   *     a26ad214-e225-49bf-8fb8-f16340729b7b}
   */
  void violation(String jsonPath, String message, @Nullable String identity);

  /**
   * Whether the server was asked to send this property of each resource (each licence). A required
   * property the request's {@code select} left out is absent by design, not a violation. By default
   * every property is expected.
   *
   * @param property the property's JSON name, e.g. {@code autoUpdateEnabled}
   */
  default boolean expects(String property) {
    return true;
  }
}

package dev.licensewatch.vspc.client;

import org.jspecify.annotations.Nullable;

/**
 * A place where a response broke the API document, reported in lenient mode.
 *
 * @param jsonPath where, e.g. {@code $.data[3].autoUpdateEnabled}
 * @param message what, e.g. {@code must not be null}
 * @param identity the licence, when known, e.g. {@code backupServerUid a26ad214-...}
 * @param requestId the request whose response it was
 */
public record ContractViolation(
    String jsonPath, String message, @Nullable String identity, String requestId) {
  /** One line: path, problem and licence. */
  @Override
  public String toString() {
    return jsonPath + ": " + message + (identity == null ? "" : " (licence " + identity + ")");
  }
}

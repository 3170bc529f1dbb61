package dev.licensewatch.vspc.client;

import org.jspecify.annotations.Nullable;

/**
 * A response broke the API document (strict mode): a missing required property, a null where the
 * document forbids it, a wrong JSON type, malformed JSON, or a body over the size limit.
 */
public final class VspcContractException extends VspcException {
  private static final long serialVersionUID = 1L;

  /** Where the response broke the document. */
  private final String jsonPath;

  /** The licence's identity, when known. */
  private final @Nullable String identity;

  VspcContractException(
      String message,
      int httpStatus,
      String jsonPath,
      @Nullable String identity,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(message, Answer.none(httpStatus, requestId), cause);
    this.jsonPath = jsonPath;
    this.identity = identity;
  }

  /**
   * Where, e.g. {@code $.data[3].autoUpdateEnabled}; {@code $} for the whole body.
   *
   * @return the JSON path
   */
  public String jsonPath() {
    return jsonPath;
  }

  /**
   * The licence, e.g. {@code backupServerUid a26ad214-...}, when known.
   *
   * @return the licence's identity, or null
   */
  public @Nullable String identity() {
    return identity;
  }
}

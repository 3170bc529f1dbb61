package dev.licensewatch.vspc.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * 429 Too Many Requests after retries were exhausted, or when the server asked for a longer wait
 * than the client's cap ({@link VspcLicensingClient.Builder#maxRetryAfter}).
 */
public final class VspcRateLimitedException extends VspcException {
  private static final long serialVersionUID = 1L;

  /** The wait the server asked for, if it gave one. */
  private final @Nullable Duration retryAfter;

  VspcRateLimitedException(String message, Answer answer, @Nullable Duration retryAfter) {
    super(message, answer, null);
    this.retryAfter = retryAfter;
  }

  /**
   * The wait the server asked for (header or body {@code retryAfter}), or null if it gave none.
   *
   * @return the wait asked for, or null
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}

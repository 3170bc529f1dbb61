package dev.licensewatch.vspc.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * No usable response: connection refused or reset, truncated body, timeout, deadline, or a TLS
 * failure ({@link #isTls()}), after retries.
 */
public final class VspcIoException extends VspcException {
  private final boolean tls;
  private final boolean timeout;

  VspcIoException(
      String message, @Nullable String requestId, Throwable cause, boolean tls, boolean timeout) {
    super(message, 0, List.of(), requestId, cause);
    this.tls = tls;
    this.timeout = timeout;
  }

  /** The TLS handshake failed: an untrusted certificate or a hostname mismatch. */
  public boolean isTls() {
    return tls;
  }

  /** A timeout or the overall deadline ended the request. */
  public boolean isTimeout() {
    return timeout;
  }
}

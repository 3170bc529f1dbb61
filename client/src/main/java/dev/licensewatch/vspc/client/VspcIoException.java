package dev.licensewatch.vspc.client;

import org.jspecify.annotations.Nullable;

/**
 * No usable response: connection refused or reset, truncated body, timeout, deadline, or a TLS
 * failure, after retries. {@link #kind()} says which, so callers can advise without walking the
 * cause chain.
 */
public final class VspcIoException extends VspcException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as the client can tell. */
  public enum Kind {
    /** The server's certificate is not trusted: trusting its PEM would help. */
    TLS_UNTRUSTED,
    /** The certificate does not name the host in the base URL: trusting it would not help. */
    TLS_HOST_NAME,
    /** The base URL's host name does not resolve. */
    UNKNOWN_HOST,
    /** No connection could be opened (refused, no route). */
    CONNECT,
    /** A timeout or the overall deadline ended the request. */
    TIMEOUT,
    /** The caller's thread was interrupted, or the request cancelled or its client closed. */
    STOPPED,
    /** Anything else: a reset, a truncated body, another I/O failure. */
    OTHER
  }

  /** What went wrong. */
  private final Kind kind;

  VspcIoException(String message, @Nullable String requestId, Throwable cause, Kind kind) {
    super(message, Answer.none(0, requestId), cause);
    this.kind = kind;
  }

  /**
   * What went wrong, as far as the client can tell.
   *
   * @return the kind of failure
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The TLS handshake failed: an untrusted certificate or a host name mismatch.
   *
   * @return true for a TLS failure
   */
  public boolean isTls() {
    return kind == Kind.TLS_UNTRUSTED || kind == Kind.TLS_HOST_NAME;
  }

  /**
   * A timeout or the overall deadline ended the request.
   *
   * @return true for a timeout
   */
  public boolean isTimeout() {
    return kind == Kind.TIMEOUT;
  }
}

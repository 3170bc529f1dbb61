package dev.licensewatch.vspc.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Base of every error the client throws. Catch a subtype to handle one cause; every instance
 * carries the HTTP status (0 when no response arrived), the server's {@code errors[]} and the
 * {@code X-Request-id} of the request. Messages are one line and never contain the token.
 */
public abstract sealed class VspcException extends RuntimeException
    permits VspcAsyncActionException,
        VspcAuthenticationException,
        VspcBadRequestException,
        VspcContractException,
        VspcIoException,
        VspcNotFoundException,
        VspcPagingException,
        VspcPermissionException,
        VspcRateLimitedException,
        VspcServerException {
  private static final long serialVersionUID = 1L;

  /** What the server answered, as every subclass records it. */
  record Answer(int httpStatus, List<ResponseError> errors, @Nullable String requestId) {
    /** No response arrived, or one without {@code errors[]}. */
    static Answer none(int httpStatus, @Nullable String requestId) {
      return new Answer(httpStatus, List.of(), requestId);
    }
  }

  /** The HTTP status, 0 without a response. */
  private final int httpStatus;

  /** The server's {@code errors[]}. */
  private final List<ResponseError> errors;

  /** The {@code X-Request-id} sent. */
  private final @Nullable String requestId;

  VspcException(String message, Answer answer, @Nullable Throwable cause) {
    super(message, cause);
    this.httpStatus = answer.httpStatus();
    this.errors = List.copyOf(answer.errors());
    this.requestId = answer.requestId();
  }

  /**
   * The HTTP status of the response, or 0 when none arrived (I/O failure, timeout, TLS).
   *
   * @return the HTTP status, or 0
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The server's {@code errors[]}, empty when the body had none.
   *
   * @return the server's errors
   */
  public List<ResponseError> errors() {
    return errors;
  }

  /**
   * The {@code X-Request-id} sent, or null for errors raised before any request.
   *
   * @return the request id, or null
   */
  public @Nullable String requestId() {
    return requestId;
  }
}

package dev.licensewatch.vspc.client;

import dev.licensewatch.vspc.client.generated.model.ResponseError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Base of every error the client throws. Catch a subtype to handle one cause; every instance
 * carries the HTTP status (0 when no response arrived), the server's {@code errors[]} and the
 * {@code X-Request-id} of the request. Messages are one line and never contain the token.
 */
public class VspcException extends RuntimeException {
  private final int httpStatus;
  private final List<ResponseError> errors;
  private final @Nullable String requestId;

  VspcException(
      String message,
      int httpStatus,
      List<ResponseError> errors,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errors = List.copyOf(errors);
    this.requestId = requestId;
  }

  /** The HTTP status of the response, or 0 when none arrived (I/O failure, timeout, TLS). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The server's {@code errors[]}, empty when the body had none. */
  public List<ResponseError> errors() {
    return errors;
  }

  /** The {@code X-Request-id} sent, or null for errors raised before any request. */
  public @Nullable String requestId() {
    return requestId;
  }
}

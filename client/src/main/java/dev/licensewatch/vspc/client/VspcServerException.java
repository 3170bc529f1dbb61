package dev.licensewatch.vspc.client;

import dev.licensewatch.vspc.client.generated.model.ResponseError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A server error (500-599, VSPC's 520) that retries did not overcome, or another unexpected status. */
public final class VspcServerException extends VspcException {
  VspcServerException(
      String message,
      int httpStatus,
      List<ResponseError> errors,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(message, httpStatus, errors, requestId, cause);
  }
}

package dev.licensewatch.vspc.client;

import dev.licensewatch.vspc.client.generated.model.ResponseError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** 401 Unauthorized: the token is missing, expired or unknown. */
public final class VspcAuthenticationException extends VspcException {
  VspcAuthenticationException(
      String message,
      int httpStatus,
      List<ResponseError> errors,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(message, httpStatus, errors, requestId, cause);
  }
}

package dev.licensewatch.vspc.client;

import dev.licensewatch.vspc.client.generated.model.ResponseError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** 404 Not Found: usually a wrong base URL or an API version the server does not have. */
public final class VspcNotFoundException extends VspcException {
  VspcNotFoundException(
      String message,
      int httpStatus,
      List<ResponseError> errors,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(message, httpStatus, errors, requestId, cause);
  }
}

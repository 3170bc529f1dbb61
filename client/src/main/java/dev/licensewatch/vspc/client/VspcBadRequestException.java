package dev.licensewatch.vspc.client;

import org.jspecify.annotations.Nullable;

/** 400 Bad Request: the server rejected a parameter, named by {@link #parameterName()}. */
public final class VspcBadRequestException extends VspcException {
  private static final long serialVersionUID = 1L;

  VspcBadRequestException(String message, Answer answer) {
    super(message, answer, null);
  }

  /**
   * The parameter (or property) the server named, or null when it named none.
   *
   * @return the parameter's name, or null
   */
  public @Nullable String parameterName() {
    for (ResponseError error : errors()) {
      if (error.parameterName() != null) {
        return error.parameterName();
      }
      if (error.propertyName() != null) {
        return error.propertyName();
      }
    }
    return null;
  }
}

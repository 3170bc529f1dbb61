package dev.licensewatch.vspc.client;

/** 401 Unauthorized: the token is missing, expired or unknown. */
public final class VspcAuthenticationException extends VspcException {
  private static final long serialVersionUID = 1L;

  VspcAuthenticationException(String message, Answer answer) {
    super(message, answer, null);
  }
}

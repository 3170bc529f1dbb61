package dev.licensewatch.vspc.client;

/** 404 Not Found: usually a wrong base URL or an API version the server does not have. */
public final class VspcNotFoundException extends VspcException {
  private static final long serialVersionUID = 1L;

  VspcNotFoundException(String message, Answer answer) {
    super(message, answer, null);
  }
}

package dev.licensewatch.vspc.client;

/**
 * A server error (500-599, VSPC's 520) that retries did not overcome, or another unexpected status.
 */
public final class VspcServerException extends VspcException {
  private static final long serialVersionUID = 1L;

  VspcServerException(String message, Answer answer) {
    super(message, answer, null);
  }
}

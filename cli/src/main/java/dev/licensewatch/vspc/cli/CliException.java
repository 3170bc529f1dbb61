package dev.licensewatch.vspc.cli;

/** A failure whose message already names the cause and the fix; exit code 1. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String causeAndFix, Throwable cause) {
    super(causeAndFix, cause);
  }

  CliException(String causeAndFix) {
    super(causeAndFix);
  }
}

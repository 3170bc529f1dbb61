package dev.licensewatch.vspc.emulator;

/**
 * A query parameter that is not what the document allows: {@link #answer()} is the 400 VSPC sends
 * for it, naming the parameter.
 */
final class BadParameter extends Exception {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  BadParameter(String parameter, String message) {
    super(message, null, false, false);
    this.parameter = parameter;
  }

  Response answer() {
    return Response.json(
        400, Json.error(String.valueOf(getMessage()), "logical", 400, null, parameter));
  }
}

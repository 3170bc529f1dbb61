package dev.licensewatch.vspc.client;

/**
 * Supplies the bearer token (a session access token or a VSPC API key). Called once per HTTP
 * request, retries included, so a provider can rotate tokens.
 */
@FunctionalInterface
public interface TokenProvider {
  /**
   * The token without the {@code Bearer } prefix.
   *
   * @return the current token
   */
  String token();
}

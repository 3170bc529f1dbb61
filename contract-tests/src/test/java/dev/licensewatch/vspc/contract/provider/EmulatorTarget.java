package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/** The emulator as Pact JVM's HTTP target. */
final class EmulatorTarget {
  private EmulatorTarget() {}

  /**
   * Pact JVM's default HTTP client retries a 429 after its {@code Retry-After} (25 s in the
   * throttling interaction): the verifier must see each response once, as it was sent.
   */
  static final IHttpClientFactory NO_RETRIES =
      provider -> HttpClients.custom().disableAutomaticRetries().build();

  static HttpTestTarget of(VspcEmulator emulator) {
    return new HttpTestTarget("127.0.0.1", emulator.port(), "/", () -> NO_RETRIES);
  }
}

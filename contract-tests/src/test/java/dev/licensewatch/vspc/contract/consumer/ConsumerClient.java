package dev.licensewatch.vspc.contract.consumer;

import au.com.dius.pact.consumer.MockServer;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.contract.Contract;

/** The client as every consumer test builds it. */
final class ConsumerClient {
  private ConsumerClient() {}

  /**
   * A client of Pact's mock server with the example token and one attempt: a retry would be a
   * request the pact does not hold.
   */
  static VspcLicensingClient.Builder against(MockServer server) {
    return VspcLicensingClient.builder()
        .baseUrl(server.getUrl())
        .token(Contract.EXAMPLE_TOKEN)
        .maxAttempts(1);
  }
}

package dev.licensewatch.vspc.contract.consumer;

import static dev.licensewatch.vspc.contract.Contract.PATH;
import static dev.licensewatch.vspc.contract.Contract.clientHeaders;
import static dev.licensewatch.vspc.contract.Contract.json;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.licensewatch.vspc.client.LicensePage;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.contract.Contract.Nullables;
import dev.licensewatch.vspc.emulator.ProviderStates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 202 followed to its result: the request is queued (202 with a Location naming the action), the
 * client polls the action until it says Succeed, then reads its result, a page of licences. Three
 * interactions, as the client makes them; the action's id comes from the Location.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class AsyncPactTest {

  @Pact(consumer = Contract.CONSUMER)
  V4Pact queuedAndFollowed(PactDslWithProvider builder) {
    PactDslResponse queued =
        clientHeaders(
                builder
                    .given(ProviderStates.QUEUED)
                    .uponReceiving("a request the server queues as an asynchronous action (202)")
                    .method("GET")
                    .path(PATH)
                    .query("limit=100&offset=0"))
            .willRespondWith()
            .status(202)
            .matchHeader(
                "Location",
                Contract.ACTION_LOCATION,
                "https://vspc.example.com:1280" + Contract.ACTION_PATH);

    PactDslJsonBody action = new PactDslJsonBody();
    action
        .object("data")
        .uuid("id", java.util.UUID.fromString(Contract.ACTION_ID))
        .uuid("initiatorUid", java.util.UUID.fromString("7d2e5a10-3b4c-4d6e-9f80-1a2b3c4d5e6f"))
        .stringType("actionName", "GetBackupServersLicenses")
        .stringMatcher("status", Contract.anyCase("Succeed"), "Succeed")
        .closeObject();
    PactDslResponse polled =
        json(
            clientHeaders(
                    queued
                        .given(
                            ProviderStates.ACTION_FINISHED, Map.of("actionId", Contract.ACTION_ID))
                        .uponReceiving("a poll of an asynchronous action that has finished")
                        .method("GET")
                        .path(Contract.ACTION_PATH))
                .willRespondWith()
                .status(200),
            action);

    return json(
            clientHeaders(
                    polled
                        .given(
                            ProviderStates.ACTION_FINISHED, Map.of("actionId", Contract.ACTION_ID))
                        .uponReceiving(
                            "a request for the result of an asynchronous action that has finished")
                        .method("GET")
                        .path(Contract.ACTION_PATH + "/result"))
                .willRespondWith()
                .status(200),
            Contract.page(
                3,
                0,
                100,
                List.of(
                    Contract.fullLicense(41), Contract.fullLicense(42), Contract.fullLicense(43)),
                Nullables.TYPE_OR_NULL))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "queuedAndFollowed")
  void aQueuedRequestIsFollowedToItsResult(MockServer server) {
    try (VspcLicensingClient client =
        ConsumerClient.against(server)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
            .build()) {
      LicensePage page = client.page(100, 0);
      assertThat(page.total()).isEqualTo(3);
      assertThat(page.licenses()).hasSize(3);
    }
  }
}

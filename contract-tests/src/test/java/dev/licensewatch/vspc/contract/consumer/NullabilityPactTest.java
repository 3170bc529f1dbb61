package dev.licensewatch.vspc.contract.consumer;

import static dev.licensewatch.vspc.contract.Contract.PATH;
import static dev.licensewatch.vspc.contract.Contract.clientHeaders;
import static dev.licensewatch.vspc.contract.Contract.json;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.LicenseStatus;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.contract.Contract.Nullables;
import dev.licensewatch.vspc.emulator.ProviderStates;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nullability, pinned: one licence whose eight nullable properties are all null (null matchers) and
 * one with every property present (type, regex and number matchers, which reject null). Together
 * with the "type or null" page in {@link PagingPactTest} they say exactly what the client accepts,
 * since Pact has no "optional" matcher.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class NullabilityPactTest {

  /** The one licence of the first page the client reads from the mock server. */
  private static BackupServerLicense theLicense(MockServer server) {
    try (VspcLicensingClient client = ConsumerClient.against(server).build()) {
      return client.page().licenses().get(0);
    }
  }

  private static V4Pact single(
      PactDslWithProvider builder, String state, String description, Map<String, Object> license) {
    return json(
            clientHeaders(builder.given(state).uponReceiving(description).method("GET").path(PATH))
                .willRespondWith()
                .status(200),
            Contract.page(1, 0, 100, List.of(license), Nullables.PINNED))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact everyNullableNull(PactDslWithProvider builder) {
    return single(
        builder,
        ProviderStates.NULLABLES_NULL,
        "a request for a licence whose nullable properties are all null",
        Contract.licenseWithNullsOnly(7));
  }

  @Test
  @PactTestFor(pactMethod = "everyNullableNull")
  void everyNullableNull(MockServer server) {
    BackupServerLicense license = theLicense(server);
    assertThat(license.edition()).isNull();
    assertThat(license.monitoring()).isNull();
    assertThat(license.expirationDate()).isNull();
    assertThat(license.supportExpirationDate()).isNull();
    assertThat(license.sockets()).isNull();
    assertThat(license.usedSockets()).isNull();
    assertThat(license.capacity()).isNull();
    assertThat(license.usedCapacity()).isNull();
    assertThat(license.autoUpdateEnabled()).isTrue();
    assertThat(license.status()).isEqualTo(LicenseStatus.WARNING);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact everyPropertyPresent(PactDslWithProvider builder) {
    return single(
        builder,
        ProviderStates.EVERY_PROPERTY,
        "a request for a licence with every property present",
        Contract.fullLicense(8));
  }

  @Test
  @PactTestFor(pactMethod = "everyPropertyPresent")
  void everyPropertyPresent(MockServer server) {
    BackupServerLicense license = theLicense(server);
    assertThat(license.edition()).isEqualTo("Enterprise Plus");
    assertThat(license.expirationDate())
        .isEqualTo(OffsetDateTime.parse("2027-09-09T10:00:00.0000000+03:00"));
    assertThat(license.usedCapacity()).isEqualTo(2.5);
    assertThat(license.status()).isEqualTo(LicenseStatus.VALID);
    assertThat(license.licenseIds()).hasSize(1);
    // Every nullable property pinned non-null arrives non-null.
    assertThat(license.monitoring()).isNotNull();
    assertThat(license.supportExpirationDate()).isNotNull();
    assertThat(license.sockets()).isNotNull();
    assertThat(license.usedSockets()).isNotNull();
    assertThat(license.capacity()).isNotNull();
  }
}

package dev.licensewatch.vspc.contract.consumer;

import static dev.licensewatch.vspc.contract.Contract.PATH;
import static dev.licensewatch.vspc.contract.Contract.clientHeaders;
import static dev.licensewatch.vspc.contract.Contract.json;
import static dev.licensewatch.vspc.contract.Contract.minimalLicenses;
import static dev.licensewatch.vspc.emulator.ProviderStates.LICENSES_EXIST;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.LicensePage;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.contract.Contract.Nullables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paging: every kind of page the client asks for, all from the one provider state {@code licenses
 * exist} with the total the page needs.
 *
 * <p>The licences of these pages carry only {@code autoUpdateEnabled}, the one property the
 * document requires: paging needs nothing else, and every other property may be absent (Pact has no
 * "optional" matcher, so listing one would demand it). The one exception is the {@code limit=500}
 * page, which also fixes the shape of a full licence with "type or null" nullables. Offsets are
 * pinned because the client checks the page starts where it asked.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class PagingPactTest {

  private static Map<String, Object> total(int n) {
    return Map.of("total", n);
  }

  /** Where the next interaction starts: the builder, or the previous interaction's response. */
  @FunctionalInterface
  interface Given {
    PactDslWithState given(String state, Map<String, ?> params);
  }

  private static VspcLicensingClient client(MockServer server, int pageSize) {
    return ConsumerClient.against(server).pageSize(pageSize).build();
  }

  /** The page at {@code offset} holds {@code count} of the 250 licences. */
  private static void assertPageOf100(MockServer server, int offset, int count) {
    LicensePage page = pageOf100(server, offset);
    assertThat(page.total()).isEqualTo(250);
    assertThat(page.licenses()).hasSize(count);
  }

  /** The page of 100 at {@code offset}, asked for explicitly with the client's page size 100. */
  private static LicensePage pageOf100(MockServer server, int offset) {
    try (VspcLicensingClient client = client(server, 100)) {
      return client.page(100, offset);
    }
  }

  private static PactDslResponse okPage(
      Given builder,
      String description,
      int total,
      String query,
      int offset,
      int limit,
      int count) {
    var request =
        clientHeaders(
            builder
                .given(LICENSES_EXIST, total(total))
                .uponReceiving(description)
                .method("GET")
                .path(PATH));
    if (query != null) {
      request = request.query(query);
    }
    return json(
        request.willRespondWith().status(200),
        Contract.page(total, offset, limit, minimalLicenses(offset, count), Nullables.PINNED));
  }

  /** {@code which} page of 100 of 250 licences, asked for with limit 100 and this offset. */
  private static V4Pact explicitPageOf100(
      PactDslWithProvider builder, String which, int offset, int count) {
    return okPage(
            builder::given,
            "a request for " + which + " (limit=100, offset=" + offset + ")",
            250,
            "limit=100&offset=" + offset,
            offset,
            100,
            count)
        .toPact(V4Pact.class);
  }

  // --- first page with the server's defaults ---------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact firstPageWithDefaults(PactDslWithProvider builder) {
    return okPage(
            builder::given,
            "a request for the first page with the server's default paging",
            250,
            null,
            0,
            100,
            100)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "firstPageWithDefaults")
  void firstPageWithDefaults(MockServer server) {
    try (VspcLicensingClient client = client(server, 100)) {
      LicensePage page = client.page();
      assertThat(page.total()).isEqualTo(250);
      assertThat(page.licenses()).hasSize(100);
      assertThat(page.pagingInfo().offset()).isZero();
    }
  }

  // --- an explicit middle page -------------------------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact middlePage(PactDslWithProvider builder) {
    return explicitPageOf100(builder, "a middle page", 100, 100);
  }

  @Test
  @PactTestFor(pactMethod = "middlePage")
  void middlePage(MockServer server) {
    assertPageOf100(server, 100, 100);
  }

  // --- the last, partial page -------------------------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact lastPartialPage(PactDslWithProvider builder) {
    return explicitPageOf100(builder, "the last, partial page", 200, 50);
  }

  @Test
  @PactTestFor(pactMethod = "lastPartialPage")
  void lastPartialPage(MockServer server) {
    assertPageOf100(server, 200, 50);
  }

  // --- an offset past the end -------------------------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact offsetPastTheEnd(PactDslWithProvider builder) {
    return okPage(
            builder::given,
            "a request with an offset past the end (limit=100, offset=300)",
            250,
            "limit=100&offset=300",
            300,
            100,
            0)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "offsetPastTheEnd")
  void offsetPastTheEnd(MockServer server) {
    LicensePage page = pageOf100(server, 300);
    assertThat(page.licenses()).isEmpty();
    assertThat(page.total()).as("the total is kept on an empty page").isEqualTo(250);
  }

  // --- the largest page, with licences in full ----------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact largestPage(PactDslWithProvider builder) {
    // The second licence has null dates and numbers. Its edition and monitoring stay non-null:
    // Pact's "type" matcher compares with the example at the same index, so a null example
    // would demand null (the null examples of those two live in NullabilityPactTest).
    Map<String, Object> someNulls = new LinkedHashMap<>(Contract.licenseWithNullsOnly(2));
    someNulls.put("edition", "Enterprise");
    someNulls.put("monitoring", true);
    List<Map<String, Object>> licenses =
        List.of(Contract.fullLicense(1), someNulls, Contract.fullLicense(3));
    return json(
            clientHeaders(
                    builder
                        .given(LICENSES_EXIST, total(3))
                        .uponReceiving(
                            "a request for the largest page (limit=500) of full licences")
                        .method("GET")
                        .path(PATH)
                        .query("limit=500&offset=0"))
                .willRespondWith()
                .status(200),
            Contract.page(3, 0, 500, licenses, Nullables.TYPE_OR_NULL))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "largestPage")
  void largestPage(MockServer server) {
    try (VspcLicensingClient client = client(server, 500)) {
      LicensePage page = client.page(500, 0);
      assertThat(page.total()).isEqualTo(3);
      assertThat(page.licenses()).hasSize(3);
      BackupServerLicense first = page.licenses().get(0);
      assertThat(first.backupServerUid()).isEqualTo(UUID.fromString(Contract.uid(1)));
      assertThat(first.expirationDate()).isNotNull();
      BackupServerLicense second = page.licenses().get(1);
      assertThat(second.expirationDate()).isNull();
      assertThat(second.usedCapacity()).isNull();
    }
  }

  // --- the auto-pager's walk --------------------------------------------------------------

  /** What {@code stream()} asks for over 5 licences with page size 2: offsets 0, 2 and 4. */
  @Pact(consumer = Contract.CONSUMER)
  V4Pact autoPagerWalk(PactDslWithProvider builder) {
    PactDslResponse first =
        okPage(
            builder::given,
            "the auto-pager's request for page 1 of 3 (limit=2, offset=0)",
            5,
            "limit=2&offset=0",
            0,
            2,
            2);
    PactDslResponse second =
        okPage(
            first::given,
            "the auto-pager's request for page 2 of 3 (limit=2, offset=2)",
            5,
            "limit=2&offset=2",
            2,
            2,
            2);
    return okPage(
            second::given,
            "the auto-pager's request for page 3 of 3 (limit=2, offset=4)",
            5,
            "limit=2&offset=4",
            4,
            2,
            1)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "autoPagerWalk")
  void autoPagerWalk(MockServer server) {
    try (VspcLicensingClient client = client(server, 2)) {
      List<BackupServerLicense> all = client.stream().toList();
      assertThat(all).hasSize(5);
    }
  }
}

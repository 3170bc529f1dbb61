package dev.licensewatch.vspc.contract.consumer;

import static dev.licensewatch.vspc.contract.Contract.PATH;
import static dev.licensewatch.vspc.contract.Contract.clientHeaders;
import static dev.licensewatch.vspc.contract.Contract.json;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.Filter;
import dev.licensewatch.vspc.client.LicensePage;
import dev.licensewatch.vspc.client.LicenseQuery;
import dev.licensewatch.vspc.client.LicenseStatus;
import dev.licensewatch.vspc.client.Sort;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.contract.Contract.Nullables;
import dev.licensewatch.vspc.emulator.ProviderStates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * filter, sort and select: the query parameters the client sends for a {@link LicenseQuery}, each
 * the JSON text of its schema, and what the client takes back. The filter and sort interactions'
 * licences carry what any server's do (the required property, and the status filtered on), so a
 * live server can be verified with them too; the select interaction needs a licence with every
 * property, a stand-in's state. The server's filtering and ordering themselves are the emulator's
 * tests' business (Pact cannot say "sorted").
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class QueryPactTest {

  static final LicenseQuery EXPIRED =
      LicenseQuery.all().where(Filter.property("status").equalsIgnoreCase("Expired"));
  static final LicenseQuery LATEST_FIRST =
      LicenseQuery.all()
          .sortedBy(Sort.descending("expirationDate"), Sort.ascending("company").ignoringCase());
  static final LicenseQuery COMPANY_AND_EXPIRY =
      LicenseQuery.all().select("company", "expirationDate");

  // What goes on the wire for those queries (before percent-encoding): the contract spells it
  // out. Pact's query(String) takes values as they are; none of these holds '&' or '='.
  static final String EXPIRED_FILTER =
      "[{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"Expired\"}]";
  static final String LATEST_FIRST_SORT =
      "[{\"property\":\"expirationDate\",\"direction\":\"descending\"},"
          + "{\"property\":\"company\",\"direction\":\"ascending\",\"collation\":\"ignorecase\"}]";
  static final String COMPANY_AND_EXPIRY_SELECT =
      "[{\"propertyPath\":\"company\"},{\"propertyPath\":\"expirationDate\"}]";

  /**
   * The required property and a status: what every licence of any server has when filtered by
   * status.
   */
  private static Map<String, Object> withStatus(int n, String status) {
    Map<String, Object> license = Contract.minimalLicense(n);
    license.put("status", status);
    return license;
  }

  // --- filter ------------------------------------------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact filtered(PactDslWithProvider builder) {
    PactDslJsonBody page =
        Contract.page(
            2,
            0,
            100,
            List.of(withStatus(21, "Expired"), withStatus(22, "Expired")),
            Nullables.PINNED);
    // What the filter promises: every licence sent is expired (in whatever case the server spells
    // it).
    page.getMatchers().addRule("$.data[*].status", new RegexMatcher(Contract.anyCase("Expired")));
    return json(
            clientHeaders(
                    builder
                        .given(ProviderStates.EVERY_STATUS)
                        .uponReceiving("a request for the expired licences (filter)")
                        .method("GET")
                        .path(PATH))
                .query("limit=100&offset=0&filter=" + EXPIRED_FILTER)
                .willRespondWith()
                .status(200),
            page)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "filtered")
  void filtered(MockServer server) {
    try (VspcLicensingClient client = ConsumerClient.against(server).build()) {
      LicensePage page = client.page(EXPIRED, 100, 0);
      assertThat(page.total()).as("the filtered collection's total").isEqualTo(2);
      assertThat(page.licenses())
          .extracting(l -> l.status().known())
          .containsOnly(LicenseStatus.Known.EXPIRED);
    }
  }

  // --- sort --------------------------------------------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact sorted(PactDslWithProvider builder) {
    return json(
            clientHeaders(
                    builder
                        .given(ProviderStates.EVERY_STATUS)
                        .uponReceiving("a request sorted by expiration date, latest first (sort)")
                        .method("GET")
                        .path(PATH))
                .query("limit=100&offset=0&sort=" + LATEST_FIRST_SORT)
                .willRespondWith()
                .status(200),
            Contract.page(8, 0, 100, Contract.minimalLicenses(31, 2), Nullables.PINNED))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "sorted")
  void sorted(MockServer server) {
    try (VspcLicensingClient client = ConsumerClient.against(server).build()) {
      assertThat(client.page(LATEST_FIRST, 100, 0).licenses()).hasSize(2);
    }
  }

  // --- select ------------------------------------------------------------------------------

  @Pact(consumer = Contract.CONSUMER)
  V4Pact selected(PactDslWithProvider builder) {
    Map<String, Object> selected = new LinkedHashMap<>();
    selected.put("company", "Alder Logistics Ltd");
    selected.put("expirationDate", "2027-09-09T10:00:00.0000000+03:00");
    return json(
            clientHeaders(
                    builder
                        .given(ProviderStates.EVERY_PROPERTY)
                        .uponReceiving(
                            "a request for the company and expiration date of each licence (select)")
                        .method("GET")
                        .path(PATH))
                .query("limit=100&offset=0&select=" + COMPANY_AND_EXPIRY_SELECT)
                .willRespondWith()
                .status(200),
            // Only the selected properties: the required autoUpdateEnabled is not sent either.
            Contract.page(1, 0, 100, List.of(selected), Nullables.PINNED))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "selected")
  void selected(MockServer server) {
    try (VspcLicensingClient client = ConsumerClient.against(server).build()) {
      BackupServerLicense license = client.page(COMPANY_AND_EXPIRY, 100, 0).licenses().get(0);
      assertThat(license.company()).isEqualTo("Alder Logistics Ltd");
      assertThat(license.autoUpdateEnabled()).as("not selected: not sent, not missing").isNull();
    }
  }
}

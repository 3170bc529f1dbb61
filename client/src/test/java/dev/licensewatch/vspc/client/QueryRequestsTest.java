package dev.licensewatch.vspc.client;

import static dev.licensewatch.vspc.client.Fixtures.ok;
import static dev.licensewatch.vspc.client.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A query on the wire: what each request carries, and how answers to it are read. */
class QueryRequestsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingListener listener = new RecordingListener();

  static final LicenseQuery EXPIRED =
      LicenseQuery.all()
          .where(Filter.property("status").equalsIgnoreCase("Expired"))
          .sortedBy(Sort.descending("expirationDate"))
          .select("company", "expirationDate");

  /** A licence as a server sends it with select=company,expirationDate: nothing else. */
  static String selected(int n) {
    return "{\"company\":\"Company "
        + n
        + "\",\"expirationDate\":\"2026-0"
        + (1 + n % 9)
        + "-01T00:00:00.0000000+00:00\"}";
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(1, TimeUnit.SECONDS);
  }

  @Test
  void everyPageOfAWalkCarriesTheSameFilterSortAndSelect() throws Exception {
    server.enqueue(ok(page(5, 0, List.of(selected(0), selected(1)))));
    server.enqueue(ok(page(5, 2, List.of(selected(2), selected(3)))));
    server.enqueue(ok(page(5, 4, List.of(selected(4)))));
    List<BackupServerLicense> licenses;
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).pageSize(2).build();
        Stream<BackupServerLicense> stream = client.stream(EXPIRED)) {
      licenses = stream.toList();
    }
    assertThat(licenses)
        .extracting(BackupServerLicense::company)
        .containsExactly("Company 0", "Company 1", "Company 2", "Company 3", "Company 4");
    for (int offset = 0; offset <= 4; offset += 2) {
      RecordedRequest request = take();
      assertThat(request.getUrl().queryParameter("offset")).isEqualTo(Integer.toString(offset));
      assertThat(request.getUrl().queryParameter("filter")).isEqualTo(EXPIRED.filterJson());
      assertThat(request.getUrl().queryParameter("sort")).isEqualTo(EXPIRED.sortJson());
      assertThat(request.getUrl().queryParameter("select")).isEqualTo(EXPIRED.selectJson());
    }
  }

  @Test
  void theWalkEndsAtTheTotalOfTheFilteredCollection() throws Exception {
    // 3 licences match among thousands: the filtered total, not the whole collection, ends the
    // walk.
    server.enqueue(ok(page(3, 0, List.of(selected(0), selected(1), selected(2)))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build();
        Stream<BackupServerLicense> stream = client.stream(EXPIRED)) {
      assertThat(stream.count()).isEqualTo(3);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void strictDecodingDoesNotMissWhatTheQueryDidNotSelect() {
    server.enqueue(ok(page(2, 0, List.of(selected(0), selected(1)))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).strict(true).build()) {
      LicensePage page = client.page(EXPIRED, 100, 0);
      assertThat(page.licenses())
          .hasSize(2)
          .allSatisfy(
              license -> {
                assertThat(license.company()).startsWith("Company ");
                assertThat(license.expirationDate()).isNotNull();
                assertThat(license.autoUpdateEnabled()).as("not selected, so not sent").isNull();
                assertThat(license.status()).isNull();
              });
    }
  }

  @Test
  void aSelectedRequiredPropertyThatIsMissingIsStillAViolation() {
    LicenseQuery withRequired = EXPIRED.select("company", "autoUpdateEnabled");
    server.enqueue(ok(page(1, 0, List.of("{\"company\":\"Company 0\"}"))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      VspcContractException e =
          CleanFailures.failure(
              VspcContractException.class, () -> client.page(withRequired, 100, 0));
      assertThat(e.jsonPath()).isEqualTo("$.data[0].autoUpdateEnabled");
    }
  }

  @Test
  void withoutSelectAMissingRequiredPropertyIsAViolationAsBefore() {
    server.enqueue(ok(page(1, 0, List.of(selected(0)))));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      CleanFailures.failure(
          VspcContractException.class,
          () ->
              client.page(
                  LicenseQuery.all().where(Filter.property("company").isNotNull()), 100, 0));
    }
  }

  @Test
  void aQueryWithoutFilterSortOrSelectSendsNoneOfThem() throws Exception {
    server.enqueue(ok(page(0, 0, List.of())));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      client.page(LicenseQuery.all(), 100, 0);
    }
    RecordedRequest request = take();
    assertThat(request.getUrl().queryParameterNames()).containsExactlyInAnyOrder("limit", "offset");
  }

  @Test
  void aRejectedFilterIsABadRequestNamingIt() {
    server.enqueue(
        Fixtures.json(
            400,
            Fixtures.errors(
                "Unknown property 'expiryDate' in filter.",
                "logical",
                400,
                "\"parameterName\":\"filter\"")));
    try (VspcLicensingClient client = Fixtures.client(server, sleeper).build()) {
      VspcBadRequestException e =
          CleanFailures.failure(VspcBadRequestException.class, () -> client.page(EXPIRED, 100, 0));
      assertThat(e.parameterName()).isEqualTo("filter");
      assertThat(e).hasMessageContaining("(parameter 'filter')");
    }
  }
}

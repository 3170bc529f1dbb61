package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The generated Retrofit interface and models, used the way another team would use them: plain
 * Retrofit with Moshi's converter, no hand-written facade.
 */
class GeneratedApiTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private LicensingApi api;

  @BeforeEach
  void setUp() {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", "Bearer t0k3n")
                            .build()))
            .build();
    api =
        new Retrofit.Builder()
            .baseUrl(server.url("/"))
            .client(http)
            .addConverterFactory(MoshiConverterFactory.create(new Moshi.Builder().build()))
            .build()
            .create(LicensingApi.class);
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = GeneratedApiTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private BackupServerLicenseCollection get(String body) throws IOException {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .body(body)
            .build());
    Response<BackupServerLicenseCollection> response =
        api.getBackupServersLicenses(100, 0, null, null, null, "3.6.1", UUID.randomUUID())
            .execute();
    assertThat(response.code()).isEqualTo(200);
    return response.body();
  }

  @Test
  void theUsersDocumentedExampleDecodesToItsValues() throws Exception {
    BackupServerLicenseCollection page = get(fixture("user-doc-example-response.json"));

    assertThat(page.meta().pagingInfo().total()).isEqualTo(2);
    assertThat(page.meta().pagingInfo().count()).isEqualTo(2);
    assertThat(page.meta().pagingInfo().offset()).isZero();
    assertThat(page.data()).hasSize(2);

    BackupServerLicense alpha = page.data().get(0);
    assertThat(alpha.backupServerUid())
        .isEqualTo(UUID.fromString("a26ad214-e225-49bf-8fb8-f16340729b7b"));
    assertThat(alpha.autoUpdateEnabled()).isFalse();
    assertThat(alpha.edition()).isEqualTo("Enterprise Plus");
    assertThat(alpha.monitoring()).isFalse();
    assertThat(alpha.packages()).containsExactly(LicensePackage.BACKUP);
    assertThat(alpha.company()).isEqualTo("Alpha");
    assertThat(alpha.email()).isEqualTo("a.smith@alpha.com");
    assertThat(alpha.contactPerson()).isEqualTo("Alan Smith");
    assertThat(alpha.expirationDate())
        .isEqualTo(OffsetDateTime.of(2020, 9, 9, 10, 0, 0, 0, ZoneOffset.ofHours(3)));
    assertThat(alpha.supportExpirationDate()).isEqualTo(alpha.expirationDate());
    assertThat(alpha.licenseIds()).isEmpty();
    assertThat(alpha.supportIds()).containsExactly("00276360");
    assertThat(alpha.sectionTypes()).containsExactly(LicenseSectionType.INSTANCE);
    assertThat(alpha.status()).isEqualTo(LicenseStatus.VALID);
    assertThat(alpha.cloudConnect()).isEqualTo(CloudConnectType.NO);
    assertThat(alpha.sockets()).isEqualTo(0.0);
    assertThat(alpha.usedSockets()).isEqualTo(0.0);
    assertThat(alpha.capacity()).isEqualTo(0.0);
    assertThat(alpha.usedCapacity()).isNull();
    assertThat(alpha.units()).isEqualTo(1000.0);
    assertThat(alpha.usedUnits()).isEqualTo(0.0);
    assertThat(alpha.unitType()).isEqualTo(LicenseUnitType.INSTANCES);
    assertThat(alpha.type()).isEqualTo(LicenseType.RENTAL);

    BackupServerLicense beta = page.data().get(1);
    assertThat(beta.monitoring()).isNull();
    assertThat(beta.supportExpirationDate()).isNull();
    assertThat(beta.capacity()).isNull();
    assertThat(beta.licenseIds())
        .containsExactly(UUID.fromString("33882222-1111-2222-3333-111122233333"));
    assertThat(beta.unitType()).isEqualTo(LicenseUnitType.POINTS);
    // Lowercase from an older server still reads as the canonical value.
    assertThat(beta.unitType().value()).isEqualTo("Points");
    assertThat(beta.status().known()).isEqualTo(LicenseStatus.Known.VALID);
  }

  @Test
  void theRequestCarriesPagingHeadersAndTheBearerToken() throws Exception {
    get("{\"data\":[]}");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/licensing/backupServers");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(request.getUrl().queryParameter("offset")).isEqualTo("0");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0k3n");
    assertThat(request.getHeaders().get("X-Client-Version")).isEqualTo("3.6.1");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(UUID.fromString(request.getHeaders().get("X-Request-id"))).isNotNull();
  }

  @Test
  void filterSortAndSelectTravelAsPercentEncodedJsonText() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"data\":[]}").build());
    String filter =
        "[{\"property\":\"company\",\"operation\":\"contains\",\"value\":\"A+B & C #1\"}]";
    api.getBackupServersLicenses(
            null,
            null,
            filter,
            "[{\"property\":\"company\",\"direction\":\"ascending\"}]",
            "[{\"propertyPath\":\"company\"}]",
            null,
            null)
        .execute();
    RecordedRequest request = server.takeRequest();
    // '+', '&' and '#' must not reach the server as a space, a new parameter or a fragment.
    assertThat(request.getUrl().encodedQuery()).contains("A%2BB%20%26%20C%20%231");
    assertThat(request.getUrl().queryParameter("filter")).isEqualTo(filter);
    assertThat(request.getUrl().queryParameter("select"))
        .isEqualTo("[{\"propertyPath\":\"company\"}]");
  }

  @Test
  void absentOptionalParametersAreLeftOut() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"data\":[]}").build());
    api.getBackupServersLicenses(null, null, null, null, null, null, null).execute();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().querySize()).isZero();
    assertThat(request.getHeaders().get("X-Client-Version")).isNull();
  }

  @Test
  void pascalCaseAndLowercaseBodiesDecodeIdentically() throws Exception {
    String lowercase = fixture("user-doc-example-response.json");
    String pascal =
        lowercase
            .replace("\"backup\"", "\"Backup\"")
            .replace("\"instance\"", "\"Instance\"")
            .replace("\"valid\"", "\"Valid\"")
            .replace("\"no\"", "\"No\"")
            .replace("\"instances\"", "\"Instances\"")
            .replace("\"points\"", "\"Points\"")
            .replace("\"rental\"", "\"Rental\"");
    assertThat(pascal).isNotEqualTo(lowercase);
    String shouting =
        lowercase.replace("\"valid\"", "\"VALID\"").replace("\"rental\"", "\"RENTAL\"");

    BackupServerLicenseCollection fromLower = get(lowercase);
    assertThat(get(pascal)).isEqualTo(fromLower);
    assertThat(get(shouting)).isEqualTo(fromLower);
  }

  @Test
  void sevenDigitFractionsKeepTheInstantAndTheOffset() throws Exception {
    BackupServerLicense license =
        get("{\"data\":[{\"autoUpdateEnabled\":true,"
                + "\"expirationDate\":\"2018-10-24T14:00:00.1234567-07:00\"}]}")
            .data()
            .get(0);
    OffsetDateTime expiry = license.expirationDate();
    assertThat(expiry.getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
    assertThat(expiry.getNano()).isEqualTo(123_456_700);
    assertThat(expiry.toInstant()).hasToString("2018-10-24T21:00:00.123456700Z");
  }

  @Test
  void unknownEnumValuesAndUnknownPropertiesSurvive() throws Exception {
    BackupServerLicense license =
        get("{\"data\":[{\"autoUpdateEnabled\":true,\"status\":\"Suspended\","
                + "\"packages\":[\"Backup\",\"CloudVault\"],\"type\":\"perpetual\","
                + "\"futureField\":{\"nested\":[1,2,3]},\"anotherOne\":null}],"
                + "\"meta\":{\"pagingInfo\":{\"total\":1,\"count\":1,\"offset\":0},\"new\":1}}")
            .data()
            .get(0);
    assertThat(license.status().isKnown()).isFalse();
    assertThat(license.status().known()).isEqualTo(LicenseStatus.Known.UNRECOGNIZED);
    assertThat(license.status().value()).isEqualTo("Suspended");
    assertThat(license.packages())
        .extracting(LicensePackage::value)
        .containsExactly("Backup", "CloudVault");
    assertThat(license.packages().get(1)).isEqualTo(LicensePackage.of("CloudVault"));
    assertThat(license.packages().get(1)).isNotEqualTo(LicensePackage.of("cloudvault"));
    assertThat(license.type()).isSameAs(LicenseType.PERPETUAL);
  }

  @Test
  void anAbsentArrayIsNullNotEmpty() throws Exception {
    BackupServerLicense license = get("{\"data\":[{\"autoUpdateEnabled\":false}]}").data().get(0);
    assertThat(license.packages()).isNull();
    assertThat(license.licenseIds()).isNull();
    assertThat(license.status()).isNull();
  }

  @Test
  void listsInModelsAreImmutable() throws Exception {
    BackupServerLicense license =
        get("{\"data\":[{\"autoUpdateEnabled\":false,\"supportIds\":[\"1\"]}]}").data().get(0);
    List<String> ids = license.supportIds();
    assertThatThrownBy(() -> ids.add("2")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aMissingRequiredPropertyNamesItsJsonPath() {
    assertThatThrownBy(() -> get("{\"data\":[{\"autoUpdateEnabled\":true},{\"edition\":\"x\"}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("required property is missing at $.data[1].autoUpdateEnabled");
  }

  @Test
  void aNullWhereTheDocumentForbidsItNamesItsJsonPathAndTheLicense() {
    assertThatThrownBy(
            () ->
                get(
                    "{\"data\":[{\"autoUpdateEnabled\":true,\"company\":null,"
                        + "\"backupServerUid\":\"976d4924-ae52-4ccc-b14b-88221f1451e8\"}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("must not be null at $.data[0].company")
        .hasMessageContaining("backupServerUid 976d4924-ae52-4ccc-b14b-88221f1451e8");
  }

  @Test
  void aWrongJsonTypeNamesItsJsonPath() {
    assertThatThrownBy(() -> get("{\"data\":[{\"autoUpdateEnabled\":\"yes\"}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("expected a boolean but was STRING at $.data[0].autoUpdateEnabled");
    assertThatThrownBy(() -> get("{\"data\":[{\"autoUpdateEnabled\":true,\"units\":\"many\"}]}"))
        .hasMessageContaining("expected a number but was STRING at $.data[0].units");
    assertThatThrownBy(
            () -> get("{\"data\":[{\"autoUpdateEnabled\":true,\"licenseIds\":[\"nope\"]}]}"))
        .hasMessageContaining("not a UUID: \"nope\" at $.data[0].licenseIds[0]");
    assertThatThrownBy(() -> get("{\"data\":[{\"autoUpdateEnabled\":true,\"units\":-1e999}]}"))
        .hasMessageContaining("number out of range: \"-1e999\" at $.data[0].units");
    assertThatThrownBy(
            () ->
                get("{\"data\":[{\"autoUpdateEnabled\":true,\"expirationDate\":\"2020-09-09\"}]}"))
        .hasMessageContaining("not a date-time with an offset")
        .hasMessageContaining("$.data[0].expirationDate");
    assertThatThrownBy(
            () ->
                get(
                    "{\"meta\":{\"pagingInfo\":{\"total\":1.5,\"count\":0,\"offset\":0}},\"data\":[]}"))
        .hasMessageContaining("not a 32-bit integer")
        .hasMessageContaining("$.meta.pagingInfo.total");
  }

  @Test
  void aValueOfAnyTypeIsReadAndWrittenAsJsonValues() throws Exception {
    com.squareup.moshi.JsonAdapter<FilterExpression> adapter =
        new Moshi.Builder().build().adapter(FilterExpression.class);
    String json =
        "{\"operation\":\"and\",\"items\":["
            + "{\"property\":\"status\",\"operation\":\"in\",\"value\":[\"Valid\",1.5,true,null]},"
            + "{\"property\":\"company\",\"operation\":\"equals\",\"value\":{\"a\":\"b\"}},"
            + "{\"property\":\"email\",\"operation\":\"equals\",\"value\":null}]}";
    FilterExpression filter = adapter.fromJson(json);
    assertThat(filter.items()).hasSize(3);
    assertThat(filter.items().get(0).value())
        .isEqualTo(java.util.Arrays.asList("Valid", 1.5, true, null));
    assertThat(filter.items().get(1).value()).isEqualTo(java.util.Map.of("a", "b"));
    assertThat(filter.items().get(2).value()).isNull();
    // Written back as read; a null value is left out, as every null unless serializeNulls.
    assertThat(adapter.toJson(filter)).isEqualTo(json.replace(",\"value\":null}", "}"));
  }

  @Test
  void modelsWriteBackWithApiNamesAndCanonicalValues() throws Exception {
    BackupServerLicenseCollection page = get(fixture("user-doc-example-response.json"));
    String json =
        new Moshi.Builder().build().adapter(BackupServerLicense.class).toJson(page.data().get(0));
    assertThat(json)
        .contains("\"backupServerUid\":\"a26ad214-e225-49bf-8fb8-f16340729b7b\"")
        .contains("\"status\":\"Valid\"")
        .contains("\"cloudConnect\":\"No\"")
        .contains("\"expirationDate\":\"2020-09-09T10:00:00+03:00\"")
        .doesNotContain("usedCapacity"); // nulls are written only with serializeNulls
  }
}

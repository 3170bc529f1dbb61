package dev.licensewatch.vspc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance corpus shipped as {@code openapi/examples/}: every body is valid against the
 * document as the response of its status, the index describes every file, and each file holds what
 * its index entry says it proves.
 */
@DisplayName("The conformance corpus openapi/examples/")
class CorpusTest {

  static final String DIRECTORY = "openapi/examples/";

  /** One entry of index.json; {@code path} is the request's, the licences' unless it says. */
  record Entry(String file, int status, String schema, String path, String proves) {
    JsonNode body() {
      return SpecDocument.readJson(SpecDocument.readClasspath(DIRECTORY + file));
    }
  }

  static List<Entry> entries() {
    JsonNode index = SpecDocument.readJson(SpecDocument.readClasspath(DIRECTORY + "index.json"));
    List<Entry> entries = new ArrayList<>();
    index
        .path("examples")
        .forEach(
            e ->
                entries.add(
                    new Entry(
                        e.path("file").asText(),
                        e.path("status").asInt(),
                        e.path("schema").asText(),
                        e.path("path").asText(SpecDocument.PATH),
                        e.path("proves").asText())));
    return entries;
  }

  private static Entry entry(String file) {
    return entries().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("index.json describes every file of the directory, and only those")
  void indexCoversTheDirectory() throws IOException, URISyntaxException {
    Path directory =
        Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource(DIRECTORY)).toURI());
    List<String> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files =
          listing
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("index.json"))
              .toList();
    }
    assertThat(entries()).extracting(Entry::file).containsExactlyInAnyOrderElementsOf(files);
    assertThat(entries())
        .allSatisfy(
            e -> {
              assertThat(e.proves()).as("what %s proves", e.file()).isNotBlank();
              String ok =
                  e.path().equals(SpecDocument.PATH)
                      ? "BackupServerLicenseCollection"
                      : "AsyncActionResponse";
              assertThat(e.schema())
                  .as("schema of %s", e.file())
                  .isEqualTo(e.status() == 200 ? ok : "ErrorResponse");
            });
  }

  @Test
  @DisplayName("covers every status the brief names: 200, 400, 401, 403, 429, 520")
  void coversTheStatuses() {
    assertThat(entries()).extracting(Entry::status).contains(200, 400, 401, 403, 429, 520);
  }

  @TestFactory
  @DisplayName("every body validates against the document as the response of its status")
  Stream<DynamicTest> everyBodyValidates() {
    return entries().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.status() + " " + e.file(),
                    () -> {
                      ValidationReport report =
                          SpecDocument.validateResponse(
                              e.path(),
                              com.atlassian.oai.validator.model.SimpleResponse.Builder.status(
                                      e.status())
                                  .withContentType(SpecDocument.JSON)
                                  .withBody(e.body().toString()));
                      assertThat(report.getMessages()).as(SpecDocument.format(report)).isEmpty();
                    }));
  }

  @Test
  @DisplayName("the document's examples CurrentServerPage and EmptyPage are corpus files")
  void documentExamplesAreInTheCorpus() {
    assertThat(SpecDocument.tree().at("/components/examples/CurrentServerPage/value"))
        .isEqualTo(entry("current-server-page.json").body());
    assertThat(SpecDocument.tree().at("/components/examples/EmptyPage/value"))
        .isEqualTo(entry("empty-page-past-the-end.json").body());
    assertThat(SpecDocument.tree().at("/components/examples/AsyncActionRunning/value"))
        .isEqualTo(entry("async-action-running.json").body());
  }

  @Test
  @DisplayName("current-server-page has PascalCase values and 7-digit fractions with offsets")
  void currentServerPage() {
    JsonNode license = entry("current-server-page.json").body().path("data").path(0);
    assertThat(license.path("status").asText()).isEqualTo("Valid");
    assertThat(license.path("supportExpirationDate").asText())
        .matches(".*T..:..:..\\.[0-9]{7}[+-]..:..");
    ValidationReport closed =
        SpecDocument.validateResponseClosed(
            200, entry("current-server-page.json").body().toString());
    assertThat(closed.getMessages())
        .as("only known values: %s", SpecDocument.format(closed))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "unknown-enum-values is valid against the document but breaks the closed-enums view at every enum")
  void unknownEnumValues() {
    String body = entry("unknown-enum-values.json").body().toString();
    ValidationReport closed = SpecDocument.validateResponseClosed(200, body);
    // three licences x (status, cloudConnect, unitType, type, packages, sectionTypes), less
    // the one value that is known as written (NFR)
    assertThat(closed.getMessages())
        .as(SpecDocument.format(closed))
        .allSatisfy(m -> assertThat(m.getKey()).isEqualTo("validation.response.body.schema.enum"))
        .hasSize(3 * 6 - 1);
  }

  @Test
  @DisplayName("unknown-properties has undeclared properties at every level")
  void unknownProperties() {
    JsonNode body = entry("unknown-properties.json").body();
    assertThat(undeclared(body, "BackupServerLicenseCollection")).contains("requestId");
    assertThat(undeclared(body.path("meta"), "ResponseMetadata")).contains("links");
    assertThat(undeclared(body.path("meta").path("pagingInfo"), "PagingInfo")).contains("pageSize");
    assertThat(undeclared(body.path("data").path(0), "BackupServerLicense"))
        .contains("organizationUid", "tags", "usage", "isTrial", "notes");
  }

  @Test
  @DisplayName("every-nullable-null sends each nullable property of a licence as null")
  void everyNullableNull() {
    JsonNode license = entry("every-nullable-null.json").body().path("data").path(0);
    // SpecDocument.NULLABLE is the schema's list (OpenApiDocumentTest checks it).
    assertThat(SpecDocument.NULLABLE)
        .allSatisfy(
            name ->
                assertThat(license.has(name) && license.get(name).isNull())
                    .as("%s is null", name)
                    .isTrue());
  }

  @Test
  @DisplayName("only-auto-update-enabled has a licence with nothing but autoUpdateEnabled")
  void onlyAutoUpdateEnabled() {
    JsonNode license = entry("only-auto-update-enabled.json").body().path("data").path(0);
    List<String> names = new ArrayList<>();
    license.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("autoUpdateEnabled");
  }

  @Test
  @DisplayName("the error envelopes carry parameterName (400) and retryAfter inside the item (429)")
  void errorEnvelopes() {
    assertThat(entry("error-400-parameter-name.json").body().at("/errors/0/parameterName").asText())
        .isEqualTo("offset");
    assertThat(entry("error-429-retry-after.json").body().at("/errors/0/retryAfter").isInt())
        .isTrue();
    assertThat(entries())
        .filteredOn(e -> e.status() >= 400)
        .allSatisfy(
            e ->
                assertThat(e.body().at("/errors/0/code").asInt())
                    .as(e.file())
                    .isEqualTo(e.status()));
  }

  @Test
  @DisplayName(
      "the asynchronous-action bodies: Running as current servers write it, succeed as the documentation does, an undeclared property")
  void asyncActions() {
    assertThat(entries())
        .filteredOn(e -> e.schema().equals("AsyncActionResponse"))
        .extracting(e -> e.body().at("/data/status").asText())
        .containsExactlyInAnyOrder("Running", "succeed");
    assertThat(
            undeclared(
                entry("async-action-succeed-lowercase.json").body().path("data"),
                "AsyncActionInfo"))
        .containsExactly("progress");
    assertThat(entry("error-400-filter.json").body().at("/errors/0/parameterName").asText())
        .isEqualTo("filter");
  }

  @Test
  @DisplayName("empty-page-past-the-end keeps the total with an offset past it and no data")
  void emptyPage() {
    JsonNode body = entry("empty-page-past-the-end.json").body();
    assertThat(body.at("/data").isEmpty()).isTrue();
    assertThat(body.at("/meta/pagingInfo/offset").asInt())
        .isGreaterThan(body.at("/meta/pagingInfo/total").asInt());
  }

  private static List<String> undeclared(JsonNode object, String schema) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    names.removeAll(SpecDocument.schema(schema).getProperties().keySet());
    return names;
  }
}

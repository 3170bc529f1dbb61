package dev.licensewatch.vspc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The VSPC licensing OpenAPI document")
class OpenApiDocumentTest {

  @Test
  @DisplayName("is on the classpath as openapi/vspc-licensing-v3.yaml and parses with no messages")
  void parsesCleanly() {
    assertThat(SpecDocument.parseResult().getMessages()).isEmpty();
    assertThat(SpecDocument.openApi()).isNotNull();
    assertThat(SpecDocument.openApi().getOpenapi()).isEqualTo("3.0.3");
  }

  @Nested
  @DisplayName("operation GetBackupServersLicenses")
  class TheOperation {

    private final Operation operation = operation();

    @Test
    @DisplayName("is GET /api/v3/licensing/backupServers")
    void isTheGetOfTheCollection() {
      PathItem item = SpecDocument.openApi().getPaths().get(SpecDocument.PATH);
      assertThat(item.readOperationsMap()).containsOnlyKeys(PathItem.HttpMethod.GET);
      assertThat(operation.getOperationId()).isEqualTo("GetBackupServersLicenses");
    }

    @Test
    @DisplayName("takes limit 1..500, default 100")
    void limit() {
      Schema<?> limit = queryInteger("limit", BigDecimal.ONE, 100);
      assertThat(limit.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(500));
    }

    @Test
    @DisplayName("takes offset from 0, default 0")
    void offset() {
      queryInteger("offset", BigDecimal.ZERO, 0);
    }

    /** Asserts a query parameter is an integer from {@code minimum}, default {@code dflt}. */
    private Schema<?> queryInteger(String name, BigDecimal minimum, int dflt) {
      Schema<?> schema = parameter(name).getSchema();
      assertThat(parameter(name).getIn()).isEqualTo("query");
      assertThat(schema.getType()).isEqualTo("integer");
      assertThat(schema.getMinimum()).isEqualByComparingTo(minimum);
      assertThat(schema.getDefault()).isEqualTo(dflt);
      return schema;
    }

    @Test
    @DisplayName("is secured by a bearer token")
    void bearerSecurity() {
      List<SecurityRequirement> security =
          operation.getSecurity() != null
              ? operation.getSecurity()
              : SpecDocument.openApi().getSecurity();
      assertThat(security).hasSize(1);
      assertThat(security.get(0)).containsOnlyKeys("bearerAuth");
      SecurityScheme scheme =
          SpecDocument.openApi().getComponents().getSecuritySchemes().get("bearerAuth");
      assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
      assertThat(scheme.getScheme()).isEqualTo("bearer");
    }

    @Test
    @SuppressWarnings("unchecked")
    @DisplayName("lists the three roles allowed to call it in x-required-roles")
    void requiredRoles() {
      assertThat(operation.getExtensions()).containsKey("x-required-roles");
      assertThat((List<Object>) operation.getExtensions().get("x-required-roles"))
          .containsExactlyInAnyOrder(
              "Portal Administrator",
              "Service Provider Global Administrator",
              "Service Provider Administrator");
    }

    @Test
    @DisplayName("answers 200, 202, 400, 401, 403, 404, 429, 500 and 520")
    void responses() {
      assertThat(operation.getResponses())
          .containsOnlyKeys("200", "202", "400", "401", "403", "404", "429", "500", "520");
    }

    @Test
    @DisplayName("sends Retry-After with 429")
    void retryAfterOn429() {
      ApiResponse tooMany = response("429");
      assertThat(tooMany.getHeaders()).containsKey("Retry-After");
      Header retryAfter = tooMany.getHeaders().get("Retry-After");
      assertThat(retryAfter.getSchema().getType()).isEqualTo("string");
    }

    @Test
    @DisplayName(
        "takes filter, sort and select as the JSON text of FilterParameter, SortParameter and SelectParameter")
    void jsonQueryParameters() {
      Map<String, String> schemas =
          Map.of("filter", "FilterParameter", "sort", "SortParameter", "select", "SelectParameter");
      schemas.forEach(
          (name, schema) -> {
            Parameter parameter = parameter(name);
            assertThat(parameter.getIn()).isEqualTo("query");
            assertThat(parameter.getRequired())
                .as("%s is optional", name)
                .isNotEqualTo(Boolean.TRUE);
            // Measured: stock generators send content-declared parameters as toString()s.
            assertThat(parameter.getContent()).as("content of %s", name).isNull();
            assertThat(parameter.getSchema().getType()).isEqualTo("string");
            assertThat(parameter.getSchema().getMaxLength()).isPositive();
            assertThat(parameter.getExtensions())
                .containsEntry("x-json-schema", "#/components/schemas/" + schema)
                .containsEntry("x-veeam-pagination-" + name, true);
            assertThat(SpecDocument.openApi().getComponents().getSchemas().get(schema).getType())
                .isEqualTo("array");
          });
    }

    @Test
    @DisplayName("answers 202 with a Location naming the asynchronous action")
    void queued() {
      ApiResponse queued = response("202");
      assertThat(queued.getHeaders()).containsKey("Location");
      assertThat(queued.getContent()).isNull();
      assertThat(queued.getDescription()).contains("/api/v3/asyncActions/{actionId}");
    }

    private Parameter parameter(String name) {
      List<Parameter> matching =
          operation.getParameters().stream()
              .map(OpenApiDocumentTest::resolve)
              .filter(p -> p.getName().equals(name))
              .toList();
      assertThat(matching).as("parameter %s", name).hasSize(1);
      return matching.get(0);
    }

    private ApiResponse response(String status) {
      ApiResponse response = operation.getResponses().get(status);
      if (response.get$ref() != null) {
        String name = SpecDocument.refName(response.get$ref());
        return SpecDocument.openApi().getComponents().getResponses().get(name);
      }
      return response;
    }
  }

  @Nested
  @DisplayName("the asynchronous-action operations")
  class AsyncActions {

    @Test
    @DisplayName("GET /api/v3/asyncActions/{actionId} answers the action wrapped in data")
    void action() {
      Operation get =
          SpecDocument.openApi().getPaths().get("/api/v3/asyncActions/{actionId}").getGet();
      assertThat(get.getOperationId()).isEqualTo("GetAsyncAction");
      assertThat(get.getResponses()).containsKeys("200", "401", "403", "404", "429", "520");
      assertThat(jsonSchemaRef(get, "200")).endsWith("/AsyncActionResponse");
      Schema<?> info = SpecDocument.schema("AsyncActionInfo");
      assertThat(info.getRequired()).containsExactlyInAnyOrder("id", "status");
      assertThat(info.getProperties())
          .containsOnlyKeys("id", "initiatorUid", "actionName", "status");
      assertThat(SpecDocument.knownValues(SpecDocument.schema("AsyncActionStatus")))
          .containsExactly("Running", "Succeed", "Canceled", "Failed");
    }

    @Test
    @DisplayName("GET /api/v3/asyncActions/{actionId}/result answers the queued request's page")
    void result() {
      Operation get =
          SpecDocument.openApi().getPaths().get("/api/v3/asyncActions/{actionId}/result").getGet();
      assertThat(get.getOperationId()).isEqualTo("GetAsyncActionResult");
      assertThat(jsonSchemaRef(get, "200")).endsWith("/BackupServerLicenseCollection");
      assertThat(get.getResponses()).containsKeys("400", "401", "403", "404", "429", "520");
    }

    @Test
    @DisplayName("take the action id as a UUID path parameter")
    void actionId() {
      for (String path :
          List.of("/api/v3/asyncActions/{actionId}", "/api/v3/asyncActions/{actionId}/result")) {
        Parameter id =
            SpecDocument.openApi().getPaths().get(path).getGet().getParameters().stream()
                .map(OpenApiDocumentTest::resolve)
                .filter(p -> p.getName().equals("actionId"))
                .findFirst()
                .orElseThrow();
        assertThat(id.getIn()).isEqualTo("path");
        assertThat(id.getSchema().getFormat()).isEqualTo("uuid");
      }
    }
  }

  @Nested
  @DisplayName("schema BackupServerLicense")
  class BackupServerLicenseSchema {

    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> properties =
        SpecDocument.schema("BackupServerLicense").getProperties();

    @Test
    @DisplayName("has exactly the 23 properties of the user's documented licences, in their order")
    void properties() {
      JsonNode page =
          SpecDocument.readJson(
              SpecDocument.readClasspath("openapi/examples/user-documentation-page.json"));
      assertThat(page.path("data")).hasSize(2);
      for (JsonNode license : page.path("data")) {
        List<String> documented = new ArrayList<>();
        license.fieldNames().forEachRemaining(documented::add);
        assertThat(properties.keySet()).containsExactlyElementsOf(documented);
      }
      assertThat(properties).hasSize(23);
    }

    @Test
    @DisplayName("requires only autoUpdateEnabled")
    void required() {
      assertThat(SpecDocument.schema("BackupServerLicense").getRequired())
          .containsExactly("autoUpdateEnabled");
    }

    @Test
    @DisplayName("lets exactly eight properties be null")
    @SuppressWarnings("rawtypes") // swagger-models maps hold the raw Schema type
    void nullable() {
      List<String> nullable =
          properties.entrySet().stream()
              .filter(e -> Boolean.TRUE.equals(e.getValue().getNullable()))
              .map(Map.Entry::getKey)
              .collect(Collectors.toList());
      assertThat(nullable).containsExactlyInAnyOrderElementsOf(SpecDocument.NULLABLE);
    }
  }

  @Nested
  @DisplayName("enumerations")
  class Enumerations {

    @Test
    @DisplayName(
        "each is a string schema listing its known values in x-extensible-enum and its description")
    @SuppressWarnings("rawtypes") // swagger-models maps hold the raw Schema type
    void everyEnumIsAnExtensibleString() {
      Map<String, Schema<?>> enums =
          SpecDocument.openApi().getComponents().getSchemas().entrySet().stream()
              .filter(e -> SpecDocument.knownValues(e.getValue()) != null)
              .collect(Collectors.toMap(Map.Entry::getKey, e -> (Schema<?>) e.getValue()));
      assertThat(enums)
          .containsOnlyKeys(
              "LicenseStatus",
              "LicenseType",
              "LicenseUnitType",
              "CloudConnectType",
              "LicenseSectionType",
              "LicensePackage",
              "ResponseErrorType",
              "AsyncActionStatus",
              "Collation");
      enums.forEach(
          (name, schema) -> {
            List<String> known = SpecDocument.knownValues(schema);
            assertThat(schema.getType()).as("type of %s", name).isEqualTo("string");
            assertThat(schema.getEnum())
                .as("enum of %s (closed: generated clients would reject new values)", name)
                .isNull();
            assertThat(known).as("known values of %s", name).isNotEmpty().doesNotHaveDuplicates();
            known.forEach(
                value ->
                    assertThat(schema.getDescription())
                        .as("description of %s", name)
                        .contains("`" + value + "`"));
          });
    }

    @Test
    @DisplayName("closed enums are only those of filter and sort, which only clients send")
    void closedEnumsOnlyWhereClientsWrite() {
      List<String> closed = new java.util.ArrayList<>();
      collectEnums(SpecDocument.tree(), "", closed);
      assertThat(closed)
          .containsExactlyInAnyOrder(
              "/components/schemas/FilterOperation", "/components/schemas/SortDirection");
      assertThat(SpecDocument.schemasInResponses())
          .doesNotContain(
              "FilterOperation",
              "Collation",
              "SortDirection",
              "FilterExpression",
              "SortExpression",
              "SelectExpression");
    }

    @Test
    @DisplayName(
        "closed enums share no value and none is a member of Kotlin's Enum (the stock Go and Kotlin clients would not compile)")
    void closedEnumValuesAreDistinct() {
      List<Object> values = new java.util.ArrayList<>();
      for (String name : List.of("FilterOperation", "SortDirection")) {
        values.addAll(SpecDocument.schema(name).getEnum());
      }
      assertThat(values).doesNotHaveDuplicates().doesNotContain("ordinal", "name", "entries");
    }

    @Test
    @DisplayName("are described in info as extensible and sent lowercase by older servers")
    void infoSaysSo() {
      String description = SpecDocument.openApi().getInfo().getDescription();
      assertThat(description)
          .contains("Enumerations are extensible")
          .contains("Older servers send the same values")
          .contains("in lowercase")
          .contains("case-insensitively");
    }

    private void collectEnums(
        com.fasterxml.jackson.databind.JsonNode node, String at, List<String> found) {
      if (node.isObject()) {
        if (node.has("enum")) {
          found.add(at);
        }
        // examples hold data, not schemas
        node.properties()
            .forEach(
                e -> {
                  if (!e.getKey().equals("examples") && !e.getKey().equals("example")) {
                    collectEnums(e.getValue(), at + "/" + e.getKey(), found);
                  }
                });
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collectEnums(node.get(i), at + "/" + i, found);
        }
      }
    }
  }

  @Nested
  @DisplayName("what stock generators read")
  class ForGenerators {

    @Test
    @DisplayName(
        "every object a server sends says it may grow (additionalProperties: true); what clients send is closed")
    @SuppressWarnings("rawtypes") // swagger-models maps hold the raw Schema type
    void objectsMayGrow() {
      java.util.Set<String> sent = SpecDocument.schemasInResponses();
      assertThat(sent).contains("BackupServerLicense", "AsyncActionInfo", "ErrorItem");
      SpecDocument.openApi()
          .getComponents()
          .getSchemas()
          .forEach(
              (name, schema) -> {
                if ("object".equals(schema.getType())) {
                  assertThat(schema.getAdditionalProperties())
                      .as("additionalProperties of %s", name)
                      .isEqualTo(sent.contains(name));
                }
              });
    }

    @Test
    @DisplayName(
        "declares no header parameter that OpenAPI says to ignore (Accept, Content-Type, Authorization)")
    void noIgnoredHeaderParameters() {
      List<String> headers =
          operation().getParameters().stream()
              .map(OpenApiDocumentTest::resolve)
              .filter(p -> "header".equals(p.getIn()))
              .map(Parameter::getName)
              .toList();
      assertThat(headers).containsExactlyInAnyOrder("X-Client-Version", "X-Request-id");
    }

    @Test
    @DisplayName(
        "names no schema ResponseError (typescript-fetch's runtime exports a class of that name)")
    void noSchemaClashesWithTypescriptFetchRuntime() {
      assertThat(SpecDocument.openApi().getComponents().getSchemas())
          .doesNotContainKey("ResponseError")
          .containsKey("ErrorItem");
    }
  }

  private static Operation operation() {
    OpenAPI api = SpecDocument.openApi();
    PathItem item = api.getPaths().get(SpecDocument.PATH);
    assertThat(item).as("path %s", SpecDocument.PATH).isNotNull();
    assertThat(item.getGet()).as("GET %s", SpecDocument.PATH).isNotNull();
    return item.getGet();
  }

  /** The $ref of the JSON schema {@code operation} answers with {@code status}. */
  private static String jsonSchemaRef(Operation operation, String status) {
    return operation
        .getResponses()
        .get(status)
        .getContent()
        .get(SpecDocument.JSON)
        .getSchema()
        .get$ref();
  }

  private static Parameter resolve(Parameter parameter) {
    if (parameter.get$ref() == null) {
      return parameter;
    }
    String name = SpecDocument.refName(parameter.get$ref());
    return SpecDocument.openApi().getComponents().getParameters().get(name);
  }
}

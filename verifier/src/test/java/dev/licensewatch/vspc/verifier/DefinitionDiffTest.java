package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's own definition compared with ours: what breaks the client is told apart from what is
 * compatible, and only GetBackupServersLicenses and its schemas count.
 */
class DefinitionDiffTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * Our document laid out as a VSPC serves its definition (paths under a server URL of /api/v3,
   * other operations beside ours), as JSON.
   */
  private static ObjectNode asTheServerServesIt() throws Exception {
    ObjectNode doc = (ObjectNode) YAML.readTree(Document.readResource(Document.RESOURCE));
    doc.putArray("servers").addObject().put("url", "/api/v3");
    ObjectNode paths = (ObjectNode) doc.get("paths");
    JsonNode ours = paths.remove("/api/v3/licensing/backupServers");
    paths.set("/licensing/backupServers", ours);
    // another operation, whose schema is nothing like ours: it must not count
    ObjectNode other = paths.putObject("/organizations/companies").putObject("get");
    other.put("operationId", "GetCompanies");
    other
        .putObject("responses")
        .putObject("200")
        .put("description", "companies")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/LicenseStatus");
    ((ObjectNode) doc.get("components").get("schemas"))
        .putObject("Unrelated")
        .put("type", "integer");
    return doc;
  }

  private static ObjectNode schema(ObjectNode doc, String name) {
    return (ObjectNode) doc.get("components").get("schemas").get(name);
  }

  private static Check compare(ObjectNode doc) throws Exception {
    return DefinitionDiff.compare(
        Document.shipped(), Exchange.JSON.writeValueAsString(doc), "vspc-swagger.json");
  }

  @Test
  void ourOwnDocumentLaidOutAsVspcDoesHasNothingToReport() throws Exception {
    Check check = compare(asTheServerServesIt());
    assertThat(check.status()).as(check.findings().toString()).isEqualTo(Check.Status.PASSED);
    assertThat(check.findings()).isEmpty();
    assertThat(check.detail())
        .isEqualTo(
            "vspc-swagger.json: /licensing/backupServers compared"
                + " with our /api/v3/licensing/backupServers");
  }

  @Test
  void breakingAndCompatibleChangesAreToldApart() throws Exception {
    ObjectNode doc = asTheServerServesIt();
    ObjectNode license = schema(doc, "BackupServerLicense");
    ObjectNode properties = (ObjectNode) license.get("properties");
    // breaking
    properties.remove("expirationDate");
    properties.putObject("usedUnits").put("type", "string");
    ((ObjectNode) properties.get("company")).put("nullable", true);
    license.putArray("required").add("backupServerUid"); // autoUpdateEnabled no longer
    ArrayNode status = (ArrayNode) schema(doc, "LicenseStatus").get("x-extensible-enum");
    status.remove(5); // Unlicensed
    ArrayNode parameters =
        (ArrayNode) doc.get("paths").get("/licensing/backupServers").get("get").get("parameters");
    // a name the document does not use (it has filter, sort and select)
    parameters
        .addObject()
        .put("name", "search")
        .put("in", "query")
        .put("required", true)
        .putObject("schema")
        .put("type", "string");
    // compatible
    properties.putObject("licenseKey").put("type", "string");
    status.add("Suspended");
    ((ObjectNode) schema(doc, "BackupServerLicense").get("properties").get("edition"))
        .put("maxLength", 512);
    ((ObjectNode) doc.get("components").get("parameters").get("Limit").get("schema"))
        .put("maximum", 1000);

    Check check = compare(doc);
    assertThat(check.status()).isEqualTo(Check.Status.FAILED);
    assertThat(lines(check, Finding.Severity.BREAK))
        .containsExactlyInAnyOrder(
            "$.data[*].usedUnits: retyped (was ours number (double), the server's string) in response 200",
            "$.data[*].company: may be null in the server's definition; ours says it never is in response 200",
            "$.data[*].autoUpdateEnabled: required by our document, optional in the server's: the server may leave it out in response 200",
            "$.data[*].status: values our document lists are gone from the server's definition (was Unlicensed) in response 200",
            "$.data[*].expirationDate: removed from the server's definition in response 200",
            "a new required parameter: the client does not send it in parameter search (in query)");
    assertThat(lines(check, Finding.Severity.ADDITION))
        .containsExactlyInAnyOrder(
            "$.data[*].licenseKey: a property our document does not declare in response 200",
            "$.data[*].status: values our document does not list (was Suspended) in response 200");
    assertThat(lines(check, Finding.Severity.NOTE))
        .containsExactlyInAnyOrder(
            "$.data[*].backupServerUid: required by the server's definition (ours: optional):"
                + " compatible, the client gets it always in response 200",
            "$.data[*].edition: other constraints differ: maxLength in response 200",
            "the server allows a wider range (was 1..1000, ours 1..500) in parameter limit (in query)");
  }

  @Test
  void knownValuesAreReadFromAClosedEnumListToo() throws Exception {
    // how VSPC's own definition declares enums: a closed enum list, where ours lists the known
    // values in x-extensible-enum
    ObjectNode doc = asTheServerServesIt();
    ObjectNode status = schema(doc, "LicenseStatus");
    ArrayNode values = (ArrayNode) status.remove("x-extensible-enum");
    values.remove(0); // Unknown
    status.set("enum", values);
    Check check = compare(doc);
    assertThat(lines(check, Finding.Severity.BREAK))
        .containsExactly(
            "$.data[*].status: values our document lists are gone from the server's definition (was"
                + " Unknown) in response 200");
  }

  @Test
  void aDefinitionWithoutTheOperationBreaksAndNonsenseCannotBeCompared() throws Exception {
    ObjectNode doc = asTheServerServesIt();
    ((ObjectNode) doc.get("paths")).remove("/licensing/backupServers");
    Check missing = compare(doc);
    assertThat(missing.status()).isEqualTo(Check.Status.FAILED);
    assertThat(missing.findings().get(0).message())
        .contains("has no GET operation GetBackupServersLicenses");

    Check nonsense = DefinitionDiff.compare(Document.shipped(), "<html>login</html>", "page");
    assertThat(nonsense.status()).isEqualTo(Check.Status.ERROR);
    assertThat(nonsense.findings().get(0).message())
        .startsWith("cannot compare: page is not an OpenAPI document");
  }

  private static List<String> lines(Check check, Finding.Severity severity) {
    return check.findings().stream()
        .filter(f -> f.severity() == severity)
        .map(Finding::describe)
        .toList();
  }
}

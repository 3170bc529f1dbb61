package dev.licensewatch.vspc.release;

import static dev.licensewatch.vspc.release.Documents.changed;
import static dev.licensewatch.vspc.release.Documents.current;
import static dev.licensewatch.vspc.release.Documents.property;
import static dev.licensewatch.vspc.release.Documents.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;

/**
 * Each kind of change the gate must catch, made to a copy of the real document: the breaking ones
 * the issue lists, the places where openapi-diff's own verdict differs from ours, and the
 * compatible ones that go to the changelog.
 */
class DocumentDiffTest {

  private static List<DocumentChange> diff(String newText) {
    return DocumentDiff.between(current(), newText);
  }

  private static DocumentChange breaking(String subject, String what) {
    return new DocumentChange(true, subject, what, null);
  }

  @Test
  void theDocumentAgainstItselfHasNoChanges() {
    assertThat(diff(current())).isEmpty();
  }

  @Test
  void aRemovedPropertyBreaksClientsEvenWhenItWasOptional() {
    String removed =
        changed(
            root ->
                ((ObjectNode) schema(root, "BackupServerLicense").get("properties"))
                    .remove("edition"));

    assertThat(diff(removed))
        .containsExactly(breaking("BackupServerLicense.edition", "property removed"));
    // openapi-diff alone calls this compatible: the property was not required.
    assertThat(OpenApiCompare.fromContents(current(), removed).isIncompatible()).isFalse();
  }

  @Test
  void aRetypedPropertyBreaksClients() {
    String retyped =
        changed(root -> property(root, "BackupServerLicense", "company").put("type", "integer"));

    assertThat(diff(retyped))
        .contains(
            new DocumentChange(
                true, "BackupServerLicense.company", "type changed from string to", "integer"));
  }

  @Test
  void aNewFormatIsARetypingToo() {
    String int64 = changed(root -> property(root, "PagingInfo", "total").put("format", "int64"));

    assertThat(diff(int64))
        .contains(
            new DocumentChange(
                true, "PagingInfo.total", "type changed from integer/int32 to", "integer/int64"));
  }

  @Test
  void aResponsePropertyThatMayNowBeNullBreaksClients() {
    String nullable =
        changed(root -> property(root, "BackupServerLicense", "company").put("nullable", true));

    assertThat(diff(nullable))
        .containsExactly(breaking("BackupServerLicense.company", "may now be null"));
    // openapi-diff alone calls nullable: true compatible.
    assertThat(OpenApiCompare.fromContents(current(), nullable).isIncompatible()).isFalse();
  }

  @Test
  void aResponsePropertyNoLongerRequiredBreaksClients() {
    String optional =
        changed(
            root -> {
              ObjectNode license = schema(root, "BackupServerLicense");
              license.remove("required");
            });

    assertThat(diff(optional))
        .contains(
            breaking(
                "BackupServerLicense.autoUpdateEnabled",
                "no longer always sent (not required any more)"));
  }

  @Test
  void aRemovedEnumValueBreaksClients() {
    String removed =
        changed(root -> Documents.removeValue(schema(root, "LicenseStatus"), "Expired"));

    assertThat(diff(removed))
        .containsExactly(
            new DocumentChange(true, "LicenseStatus", "enum value removed", "Expired"));
  }

  @Test
  void anExtensibleEnumListIsReadLikeAnEnum() {
    String lists = changed(root -> Documents.toExtensibleList(schema(root, "LicenseStatus")));
    String listWithoutExpired =
        changed(
            root -> {
              ObjectNode status = schema(root, "LicenseStatus");
              Documents.toExtensibleList(status);
              Documents.removeValue(status, "Expired");
            });

    assertThat(diff(lists)).isEmpty();
    assertThat(diff(listWithoutExpired))
        .containsExactly(
            new DocumentChange(true, "LicenseStatus", "enum value removed", "Expired"));
  }

  @Test
  void aNewValueIsCompatibleOnlyInAnExtensibleEnumeration() {
    String added =
        changed(root -> Documents.enumValues(schema(root, "LicenseStatus")).add("Suspended"));
    String closedAndAdded =
        changed(
            root -> {
              ObjectNode status = schema(root, "LicenseStatus");
              ArrayNode values = Documents.enumValues(status);
              values.add("Suspended");
              status.set("enum", values);
              status.remove("x-extensible-enum");
            });

    assertThat(diff(added))
        .containsExactly(new DocumentChange(false, "LicenseStatus", "new enum value", "Suspended"));
    assertThat(diff(closedAndAdded))
        .contains(
            new DocumentChange(
                true,
                "LicenseStatus",
                "new value in a response enumeration that is not extensible",
                "Suspended"));
  }

  @Test
  void aNewRequiredParameterBreaksClientsAndANewOptionalOneDoesNot() {
    String required = changed(root -> newParameter(root, true));
    String optional = changed(root -> newParameter(root, false));

    assertThat(diff(required)).containsExactly(breaking("search", "new required query parameter"));
    assertThat(diff(optional))
        .containsExactly(new DocumentChange(false, "search", "new optional query parameter", null));
  }

  @Test
  void anOptionalParameterMadeRequiredBreaksClients() {
    String required =
        changed(
            root ->
                ((ObjectNode) root.path("components").path("parameters").path("Limit"))
                    .put("required", true));

    assertThat(diff(required)).contains(breaking("limit", "parameter now required"));
  }

  @Test
  void aNewPropertyIsCompatible() {
    String added =
        changed(
            root ->
                ((ObjectNode) schema(root, "BackupServerLicense").get("properties"))
                    .putObject("licenseKey")
                    .put("type", "string")
                    .put("maxLength", 64));

    assertThat(diff(added))
        .containsExactly(
            new DocumentChange(false, "BackupServerLicense.licenseKey", "new property", null));
  }

  @Test
  void aRenamedSchemaBreaksGeneratedClients() {
    String renamed =
        changed(
            root -> {
              ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
              schemas.set("Paging", schemas.remove("PagingInfo"));
              property(root, "ResponseMetadata", "pagingInfo")
                  .put("$ref", "#/components/schemas/Paging");
            });

    assertThat(diff(renamed))
        .containsExactly(
            breaking("PagingInfo", "schema removed or renamed (generated type names follow it)"));
  }

  @Test
  void aChangedOperationIdBreaksGeneratedClients() {
    String renamed =
        changed(
            root ->
                ((ObjectNode)
                        root.path("paths").path("/api/v3/licensing/backupServers").path("get"))
                    .put("operationId", "ListLicenses"));

    assertThat(diff(renamed))
        .containsExactly(
            new DocumentChange(
                true,
                "GET /api/v3/licensing/backupServers",
                "operationId changed (generated method names follow it) to",
                "ListLicenses"));
  }

  private static void newParameter(ObjectNode root, boolean required) {
    ArrayNode parameters =
        (ArrayNode)
            root.path("paths")
                .path("/api/v3/licensing/backupServers")
                .path("get")
                .path("parameters");
    // A name the document does not use yet (it has filter, sort and select).
    ObjectNode search = parameters.addObject();
    search.put("name", "search").put("in", "query").put("required", required);
    search.putObject("schema").put("type", "string").put("maxLength", 64);
  }
}

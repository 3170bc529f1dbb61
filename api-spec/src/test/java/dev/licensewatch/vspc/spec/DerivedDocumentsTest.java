package dev.licensewatch.vspc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON forms the build derives from the YAML (src/build/java/DeriveDocuments.java). */
@DisplayName("The derived JSON documents")
class DerivedDocumentsTest {

  @Test
  @DisplayName(
      "openapi/vspc-licensing-v3.json is the YAML document, node for node, and parses with no messages")
  void jsonBundleIsTheYaml() {
    String json = SpecDocument.readClasspath(SpecDocument.JSON_RESOURCE);
    assertThat(SpecDocument.readJson(json)).isEqualTo(SpecDocument.tree());
    assertThat(new OpenAPIV3Parser().readContents(json, null, new ParseOptions()).getMessages())
        .isEmpty();
  }

  @Test
  @DisplayName("the closed-enums view differs only by an enum equal to each x-extensible-enum list")
  void closedViewOnlyAddsEnums() {
    JsonNode closed =
        SpecDocument.readJson(SpecDocument.readClasspath(SpecDocument.CLOSED_RESOURCE));
    List<String> added = new ArrayList<>();
    JsonNode withoutEnums = strip(closed.deepCopy(), "", added);
    assertThat(withoutEnums).isEqualTo(SpecDocument.tree());
    assertThat(added)
        .hasSize(9)
        .contains("/components/schemas/LicenseStatus", "/components/schemas/AsyncActionStatus");
  }

  @Test
  @DisplayName(
      "the closed-enums view rejects a value outside the known lists, which the document accepts")
  void closedViewIsStrict() {
    ObjectNode license = ValidatorRejectsTest.validLicense();
    license.put("status", "Suspended");
    String page = ValidatorRejectsTest.page(license);
    assertThat(SpecDocument.validateResponse(200, page).getMessages()).isEmpty();
    ValidationReport closed = SpecDocument.validateResponseClosed(200, page);
    assertThat(closed.getMessages())
        .singleElement()
        .satisfies(m -> assertThat(m.getKey()).isEqualTo("validation.response.body.schema.enum"));
  }

  /** Removes each enum that sits next to an equal x-extensible-enum list; records where. */
  private static JsonNode strip(JsonNode node, String at, List<String> removed) {
    if (node instanceof ObjectNode object
        && object.has("enum")
        && object.has("x-extensible-enum")) {
      assertThat(object.get("enum"))
          .as("enum at %s", at)
          .isEqualTo(object.get("x-extensible-enum"));
      object.remove("enum");
      removed.add(at);
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      strip(field.getValue(), at + "/" + field.getKey(), removed);
    }
    return node;
  }
}

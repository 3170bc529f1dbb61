package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The emulator keeps its own table of licence properties (it does not read the document at run
 * time), so this test holds that table to the document's {@code BackupServerLicense}: the same
 * names in the same order, and the same nullable, enum and list properties.
 */
class PropertyTableTest {

  private static final Map<String, Object> DOCUMENT = document();

  private static Map<String, Object> document() {
    try (InputStream in =
        Objects.requireNonNull(
            PropertyTableTest.class
                .getClassLoader()
                .getResourceAsStream("openapi/vspc-licensing-v3.json"),
            "the api-spec artifact must be on the test classpath")) {
      return Json.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> member(Map<String, Object> object, String name) {
    return (Map<String, Object>) Objects.requireNonNull(object.get(name), name);
  }

  private static Map<String, Object> schema(String name) {
    return member(member(member(DOCUMENT, "components"), "schemas"), name);
  }

  /** A schema with its {@code $ref} (to a component schema) followed. */
  private static Map<String, Object> resolved(Map<String, Object> schema) {
    String ref = (String) schema.get("$ref");
    return ref == null ? schema : schema(ref.substring("#/components/schemas/".length()));
  }

  private static Map<String, Map<String, Object>> properties() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> properties =
        (Map<String, Map<String, Object>>)
            (Map<?, ?>) member(schema("BackupServerLicense"), "properties");
    return properties;
  }

  private static List<String> where(Predicate<Map<String, Object>> test) {
    return properties().entrySet().stream()
        .filter(p -> test.test(p.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static boolean extensibleEnum(Map<String, Object> schema) {
    return resolved(schema).containsKey("x-extensible-enum");
  }

  @Test
  void theNamesAreTheDocumentsInItsOrder() {
    assertThat(LicenseGenerator.PROPERTIES).containsExactlyElementsOf(properties().keySet());
  }

  @Test
  void theNullablePropertiesAreTheDocuments() {
    assertThat(LicenseGenerator.NULLABLE)
        .containsExactlyElementsOf(where(p -> Boolean.TRUE.equals(resolved(p).get("nullable"))))
        .hasSize(8);
  }

  @Test
  void theEnumPropertiesAreThoseWithAnExtensibleEnum() {
    assertThat(LicenseGenerator.ENUM_PROPERTIES)
        .containsExactlyElementsOf(where(PropertyTableTest::extensibleEnum))
        .isNotEmpty();
    assertThat(LicenseGenerator.ENUM_LIST_PROPERTIES)
        .containsExactlyElementsOf(
            where(p -> "array".equals(p.get("type")) && extensibleEnum(member(p, "items"))))
        .isNotEmpty();
  }

  @Test
  void theListPropertiesAreTheDocumentsArrays() {
    assertThat(LicenseGenerator.LISTS)
        .containsExactlyElementsOf(where(p -> "array".equals(resolved(p).get("type"))))
        .contains("licenseIds", "supportIds");
  }
}

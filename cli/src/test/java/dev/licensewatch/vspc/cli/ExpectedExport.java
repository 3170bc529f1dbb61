package dev.licensewatch.vspc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonWriter;
import dev.licensewatch.vspc.client.CloudConnectType;
import dev.licensewatch.vspc.client.LicensePackage;
import dev.licensewatch.vspc.client.LicenseSectionType;
import dev.licensewatch.vspc.client.LicenseStatus;
import dev.licensewatch.vspc.client.LicenseType;
import dev.licensewatch.vspc.client.LicenseUnitType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import okio.Buffer;

/** What an exported licence must look like, given what the server sent. */
final class ExpectedExport {
  /** The API's 23 properties in the document's order. */
  static final List<String> PROPERTIES =
      List.of(
          "backupServerUid",
          "autoUpdateEnabled",
          "edition",
          "monitoring",
          "packages",
          "company",
          "email",
          "contactPerson",
          "expirationDate",
          "supportExpirationDate",
          "licenseIds",
          "supportIds",
          "sectionTypes",
          "status",
          "cloudConnect",
          "sockets",
          "usedSockets",
          "capacity",
          "usedCapacity",
          "units",
          "usedUnits",
          "unitType",
          "type");

  /** Extensible enums: the canonical spelling for a known value, else the raw string. */
  static final Map<String, UnaryOperator<String>> ENUMS =
      Map.of(
          "status", s -> LicenseStatus.of(s).value(),
          "cloudConnect", s -> CloudConnectType.of(s).value(),
          "unitType", s -> LicenseUnitType.of(s).value(),
          "type", s -> LicenseType.of(s).value(),
          "packages", s -> LicensePackage.of(s).value(),
          "sectionTypes", s -> LicenseSectionType.of(s).value());

  static final List<String> DATES = List.of("expirationDate", "supportExpirationDate");

  private ExpectedExport() {}

  /** An exported JSON object against the raw object the server sent. */
  static void sameLicense(Map<String, Object> raw, Map<String, Object> exported) {
    assertThat(List.copyOf(exported.keySet())).containsExactlyElementsOf(PROPERTIES);
    for (String p : PROPERTIES) {
      Object expected = raw.get(p);
      Object actual = exported.get(p);
      String where = p + " of " + raw.get("backupServerUid");
      if (expected == null) {
        assertThat(actual).as(where).isNull();
      } else if (ENUMS.containsKey(p)) {
        assertThat(actual).as(where).isEqualTo(canonical(p, expected));
      } else if (DATES.contains(p)) {
        OffsetDateTime e = OffsetDateTime.parse((String) expected);
        OffsetDateTime a = OffsetDateTime.parse((String) actual);
        assertThat(a).as(where).isEqualTo(e); // same instant and same offset
      } else {
        assertThat(actual).as(where).isEqualTo(expected);
      }
    }
  }

  /** A CSV row against the raw object the server sent. */
  static void sameRow(Map<String, Object> raw, List<String> row) {
    assertThat(row).hasSize(PROPERTIES.size());
    for (int i = 0; i < PROPERTIES.size(); i++) {
      String p = PROPERTIES.get(i);
      Object expected = raw.get(p);
      String cell = row.get(i);
      String where = p + " of " + raw.get("backupServerUid");
      if (expected == null) {
        assertThat(cell).as(where).isEmpty();
      } else if (ENUMS.containsKey(p)) {
        Object c = canonical(p, expected);
        assertThat(cell).as(where).isEqualTo(c instanceof List<?> l ? join(l) : c);
      } else if (DATES.contains(p)) {
        assertThat(OffsetDateTime.parse(cell))
            .as(where)
            .isEqualTo(OffsetDateTime.parse((String) expected));
      } else if (expected instanceof Double d) {
        assertThat(Double.parseDouble(cell)).as(where).isEqualTo(d);
      } else if (expected instanceof List<?> l) {
        assertThat(cell).as(where).isEqualTo(join(l));
      } else {
        assertThat(cell).as(where).isEqualTo(String.valueOf(expected));
      }
    }
  }

  private static Object canonical(String property, Object raw) {
    UnaryOperator<String> f = ENUMS.get(property);
    if (raw instanceof List<?> list) {
      return list.stream().map(v -> f.apply((String) v)).toList();
    }
    return f.apply((String) raw);
  }

  private static String join(List<?> list) {
    return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
  }

  /** A licence with every property, for hand-made datasets. */
  static Map<String, Object> license(
      String uid, String company, String status, String expiry, double units, double used) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("backupServerUid", uid);
    m.put("autoUpdateEnabled", true);
    m.put("edition", "Enterprise Plus");
    m.put("monitoring", false);
    m.put("packages", List.of("Suite"));
    m.put("company", company);
    m.put("email", "ops@example.com");
    m.put("contactPerson", "Alan Smith");
    m.put("expirationDate", expiry);
    m.put("supportExpirationDate", expiry);
    m.put("licenseIds", List.of("0b6f2a9e-61a4-4f53-9d5e-2f1c3b0a7e11"));
    m.put("supportIds", List.of("01234567"));
    m.put("sectionTypes", List.of("Instance"));
    m.put("status", status);
    m.put("cloudConnect", "No");
    m.put("sockets", null);
    m.put("usedSockets", null);
    m.put("capacity", null);
    m.put("usedCapacity", null);
    m.put("units", units);
    m.put("usedUnits", used);
    m.put("unitType", "Instances");
    m.put("type", "Subscription");
    return m;
  }

  static String json(List<Map<String, Object>> licenses) {
    try (Buffer buffer = new Buffer();
        JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      w.jsonValue(licenses);
      w.flush();
      return buffer.readUtf8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic data looks like a real estate of licences, and is reproducible. */
class DatasetTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}[+-]\\d{2}:\\d{2}");
  private static final List<String> ENUM_PROPERTIES = LicenseGenerator.ENUM_PROPERTIES;

  private static List<Map<String, Object>> licenses(Dataset dataset) {
    LicenseStore store = dataset.materialize();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < store.size(); i++) {
      out.add(Json.parse(store.get(i)));
    }
    return out;
  }

  private static byte[] allBytes(VspcEmulator e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int offset = 0; offset < e.licenseCount(); offset += 500) {
      out.writeBytes(Http.licenses(e, "limit=500&offset=" + offset).body());
    }
    return out.toByteArray();
  }

  @Test
  void theSameSeedServesTheSameBytes() {
    byte[] first;
    try (VspcEmulator e = VspcEmulator.builder().licenses(1_200).seed(9).today(TODAY).start()) {
      first = allBytes(e);
    }
    try (VspcEmulator e = VspcEmulator.builder().licenses(1_200).seed(9).today(TODAY).start()) {
      assertThat(allBytes(e)).isEqualTo(first);
    }
    try (VspcEmulator e = VspcEmulator.builder().licenses(1_200).seed(10).today(TODAY).start()) {
      assertThat(allBytes(e)).isNotEqualTo(first);
    }
  }

  @Test
  void aSmallerDatasetIsAPrefixOfALargerOne() {
    LicenseStore small = Dataset.synthetic(10, 5).withToday(TODAY).materialize();
    LicenseStore large = Dataset.synthetic(100, 5).withToday(TODAY).materialize();
    for (int i = 0; i < 10; i++) {
      assertThat(small.get(i)).isEqualTo(large.get(i));
    }
  }

  @Test
  void onlyTheEightNullablePropertiesAreEverNullAndEachOfThemSometimesIs() {
    Set<String> nulled = new HashSet<>();
    for (Map<String, Object> license : licenses(Dataset.synthetic(3_000, 1).withToday(TODAY))) {
      assertThat(license).containsKey("autoUpdateEnabled");
      assertThat(LicenseGenerator.PROPERTIES).containsAll(license.keySet());
      license.forEach(
          (k, v) -> {
            if (v == null) {
              nulled.add(k);
            }
          });
    }
    assertThat(nulled).containsExactlyInAnyOrderElementsOf(LicenseGenerator.NULLABLE);
  }

  @Test
  void aCompleteDatasetLeavesNoPropertyOutAndOtherwiseServesTheSameLicenses() {
    List<Map<String, Object>> complete =
        licenses(Dataset.synthetic(2_000, 1).withToday(TODAY).withEveryPropertyPresent());
    List<Map<String, Object>> usual = licenses(Dataset.synthetic(2_000, 1).withToday(TODAY));
    int differing = 0;
    for (int i = 0; i < complete.size(); i++) {
      assertThat(complete.get(i).keySet()).containsExactlyElementsOf(LicenseGenerator.PROPERTIES);
      if (usual.get(i).size() == LicenseGenerator.PROPERTIES.size()) {
        assertThat(complete.get(i)).isEqualTo(usual.get(i));
      } else {
        differing++;
      }
    }
    assertThat(differing).isPositive();
  }

  @Test
  void someLicensesCarryOnlyTheRequiredPropertyAndSomeLackAFew() {
    List<Map<String, Object>> all = licenses(Dataset.synthetic(3_000, 1).withToday(TODAY));
    assertThat(all).anySatisfy(l -> assertThat(l).containsOnlyKeys("autoUpdateEnabled"));
    assertThat(all).anySatisfy(l -> assertThat(l.size()).isBetween(19, 22));
  }

  @Test
  void valuesHaveARealisticMix() {
    List<Map<String, Object>> all = licenses(Dataset.synthetic(3_000, 1).withToday(TODAY));
    assertThat(values(all, "status"))
        .contains("Valid", "Warning", "Expired", "Error", "Unlicensed");
    assertThat(values(all, "type"))
        .contains("Rental", "Subscription", "Perpetual", "NFR", "Evaluation", "Community");
    assertThat(values(all, "edition"))
        .contains("Enterprise Plus", "Enterprise", "Standard", "Community", null);
    assertThat(values(all, "unitType")).containsExactlyInAnyOrder("Instances", "Points");
    assertThat(values(all, "cloudConnect")).containsExactlyInAnyOrder("No", "Yes", "Enterprise");
    assertThat(all)
        .anySatisfy(
            l -> assertThat((Double) l.get("usedUnits")).isGreaterThan((Double) l.get("units")));
    long valid = all.stream().filter(l -> "Valid".equals(l.get("status"))).count();
    assertThat(valid).as("most licences are valid").isGreaterThan(all.size() / 2);
  }

  @Test
  void datesHaveSevenFractionalDigitsAnOffsetAndSpreadAroundToday() {
    List<OffsetDateTime> expiries = new ArrayList<>();
    for (Map<String, Object> l : licenses(Dataset.synthetic(2_000, 3).withToday(TODAY))) {
      for (String p : List.of("expirationDate", "supportExpirationDate")) {
        if (l.get(p) instanceof String s) {
          assertThat(s).matches(DATE_TIME);
          expiries.add(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
      }
    }
    OffsetDateTime today = TODAY.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
    assertThat(expiries)
        .anyMatch(d -> d.isBefore(today.minusMonths(3)))
        .anyMatch(d -> d.isAfter(today) && d.isBefore(today.plusMonths(1)))
        .anyMatch(d -> d.isAfter(today.plusYears(2)))
        .allMatch(d -> d.isBefore(today.plusYears(4)));
  }

  @Test
  void lowercaseCasingLowersEveryEnumValueButNotEditions() {
    List<Map<String, Object>> all =
        licenses(Dataset.synthetic(500, 1).withToday(TODAY).withCasing(EnumCasing.LOWER_CASE));
    for (String p : ENUM_PROPERTIES) {
      assertThat(values(all, p)).allMatch(v -> v == null || v.equals(v.toString().toLowerCase()));
    }
    assertThat(values(all, "type")).contains("nfr", "rental");
    assertThat(values(all, "edition")).contains("Enterprise Plus");
  }

  private static List<Map<String, Object>> thousandWithUnknownShare(double share) {
    return licenses(Dataset.synthetic(1_000, 1).withToday(TODAY).withUnknownEnumShare(share));
  }

  @Test
  void anUnknownEnumShareAddsValuesNewerServersSend() {
    List<Map<String, Object>> all = thousandWithUnknownShare(0.3);
    assertThat(values(all, "status")).contains("Suspended");
    assertThat(values(all, "type")).contains("Perpetual2");
    assertThat(all).anyMatch(l -> l.get("packages") instanceof List<?> p && p.contains("Cloud"));
    assertThat(licenses(Dataset.synthetic(1_000, 1).withToday(TODAY)))
        .noneMatch(l -> "Suspended".equals(l.get("status")));
  }

  @Test
  void everyKindOfUnknownEnumValueAppears() {
    List<Map<String, Object>> all = thousandWithUnknownShare(0.5);
    assertThat(values(all, "unitType")).contains("Workloads");
    assertThat(values(all, "cloudConnect")).contains("Hybrid");
    assertThat(all)
        .anyMatch(l -> l.get("sectionTypes") instanceof List<?> s && s.contains("Capacity"));
  }

  @Test
  void lowercaseCasingLowersEnumListsToo() {
    List<Map<String, Object>> all =
        licenses(Dataset.synthetic(500, 1).withToday(TODAY).withCasing(EnumCasing.LOWER_CASE));
    for (String p : LicenseGenerator.ENUM_LIST_PROPERTIES) {
      assertThat(all)
          .filteredOn(l -> l.get(p) instanceof List<?>)
          .allSatisfy(
              l ->
                  assertThat((List<?>) l.get(p))
                      .allMatch(v -> v.equals(v.toString().toLowerCase())));
    }
    assertThat(all).anyMatch(l -> l.get("packages") instanceof List<?> p && p.contains("backup"));
  }

  @Test
  void aJsonArrayIsServedAsWritten(@TempDir Path dir) throws IOException {
    String first = "{ \"autoUpdateEnabled\": true, \"status\": \"Quarantined\", \"units\": 5 }";
    String second = "{\"autoUpdateEnabled\":false}";
    Path file = dir.resolve("licences.json");
    Files.writeString(file, "[\n  " + first + ",\n  " + second + "\n]\n");
    try (VspcEmulator e = VspcEmulator.builder().datasetFile(file).start()) {
      Http.Reply reply = Http.licenses(e, "");
      assertThat(reply.pagingInfo()).containsEntry("total", 2.0);
      assertThat(reply.text()).contains(first).contains(second);
    }
  }

  @Test
  void aFullPageBodyIsReadFromItsData() {
    String page =
        "{\"meta\":{\"pagingInfo\":{\"total\":99,\"count\":1,\"offset\":0}},"
            + "\"data\":[{\"autoUpdateEnabled\":true,\"edition\":null}]}";
    Dataset d = Dataset.fromJson(page);
    assertThat(d.size()).isEqualTo(1);
    assertThat(new String(d.materialize().get(0), StandardCharsets.UTF_8))
        .isEqualTo("{\"autoUpdateEnabled\":true,\"edition\":null}");
  }

  @Test
  void invalidJsonIsRejectedWithAReason() {
    assertThatThrownBy(() -> Dataset.fromJson("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("object");
    assertThatThrownBy(() -> Dataset.fromJson("{\"meta\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data");
    assertThatThrownBy(() -> Dataset.fromJson("[{")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void theProviderStateLicensesHaveExactlyTheirShape() {
    LicenseGenerator gen = new LicenseGenerator(0, TODAY, EnumCasing.PASCAL_CASE, 0, false);
    Map<String, Object> every = Json.parse(Json.object(gen.licenseWithEveryProperty()));
    assertThat(every.keySet()).containsExactlyElementsOf(LicenseGenerator.PROPERTIES);
    assertThat(every.values())
        .allSatisfy(
            v -> {
              assertThat(v).isNotNull();
              if (v instanceof List<?> list) {
                assertThat(list).isNotEmpty();
              }
            });
    Map<String, Object> nulls = Json.parse(Json.object(gen.licenseWithNullablesNull()));
    assertThat(nulls.keySet()).containsExactlyElementsOf(LicenseGenerator.PROPERTIES);
    nulls.forEach(
        (k, v) -> assertThat(v == null).as(k).isEqualTo(LicenseGenerator.NULLABLE.contains(k)));
  }

  private static Set<Object> values(List<Map<String, Object>> all, String property) {
    Set<Object> out = new HashSet<>();
    all.stream().filter(l -> l.containsKey(property)).forEach(l -> out.add(l.get(property)));
    return out;
  }
}

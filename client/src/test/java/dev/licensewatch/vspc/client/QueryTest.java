package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Filter, Sort and LicenseQuery: what each builds (the JSON the server receives) and what each
 * refuses, at once and naming what was wrong.
 */
class QueryTest {

  @Nested
  class Comparisons {
    @Test
    void equalsIgnoreCaseOnAStringProperty() {
      assertThat(Filter.property("company").equalsIgnoreCase("Acme").toString())
          .isEqualTo(
              "{\"property\":\"company\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"Acme\"}");
    }

    @Test
    void enumerationValuesAreComparedIgnoringCaseUnlessToldOtherwise() {
      assertThat(Filter.property("status").isEqualTo(LicenseStatus.EXPIRED).toString())
          .isEqualTo(
              "{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"Expired\"}");
      assertThat(Filter.property("status").caseSensitive().isEqualTo("Expired").toString())
          .contains("\"collation\":\"ordinal\"");
    }

    @Test
    void dateTimesAreWrittenAsTheServerWritesThemWhateverTheJavaType() {
      String expected = "\"value\":\"2027-01-01T00:00:00.0000000+00:00\"";
      assertThat(
              Filter.property("expirationDate")
                  .lessThan(Instant.parse("2027-01-01T00:00:00Z"))
                  .toString())
          .contains("\"operation\":\"lessThan\"", expected)
          .doesNotContain("collation");
      assertThat(Filter.property("expirationDate").lessThan("2027-01-01T00:00:00Z").toString())
          .contains(expected);
      assertThat(
              Filter.property("expirationDate")
                  .greaterThanOrEqualTo(OffsetDateTime.parse("2026-12-24T14:00:00.1234567-07:00"))
                  .toString())
          .contains(
              "\"operation\":\"greaterThanOrEqual\"",
              "\"value\":\"2026-12-24T14:00:00.1234567-07:00\"");
      assertThat(
              Filter.property("supportExpirationDate")
                  .lessThanOrEqualTo(
                      ZonedDateTime.of(2027, 3, 1, 9, 30, 0, 0, ZoneId.of("Europe/Berlin")))
                  .toString())
          .contains("\"value\":\"2027-03-01T09:30:00.0000000+01:00\"");
    }

    @Test
    void numbersKeepTheirJsonTypeAndIntegersStayIntegral() {
      assertThat(Filter.property("usedUnits").greaterThan(100).toString())
          .contains("\"value\":100}");
      assertThat(Filter.property("capacity").lessThan(12.5).toString()).contains("\"value\":12.5}");
    }

    @Test
    void numbersAndBooleansMayBeGivenAsTheirText() {
      assertThat(Filter.property("units").greaterThan("100").toString()).contains("\"value\":100}");
      assertThat(Filter.property("usedCapacity").lessThan(" 2.5").toString())
          .contains("\"value\":2.5}");
      assertThat(Filter.property("monitoring").isEqualTo("TRUE").toString())
          .contains("\"value\":true}");
      assertThatThrownBy(() -> Filter.property("monitoring").isEqualTo("yes"))
          .hasMessage("equals on 'monitoring' needs a boolean, was given String yes");
    }

    @Test
    void nullIsAskedForByName() {
      assertThat(Filter.property("expirationDate").isNull().toString())
          .isEqualTo("{\"property\":\"expirationDate\",\"operation\":\"equals\",\"value\":null}");
      assertThat(Filter.property("edition").isNotNull().toString())
          .contains("\"operation\":\"notEquals\",\"value\":null");
      assertThatThrownBy(() -> Filter.property("edition").isEqualTo(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("isNull()");
    }

    @Test
    void uuidsAndBooleans() {
      UUID id = UUID.fromString("A26AD214-E225-49BF-8FB8-F16340729B7B");
      assertThat(Filter.property("backupServerUid").isEqualTo(id).toString())
          .contains("\"value\":\"a26ad214-e225-49bf-8fb8-f16340729b7b\"");
      assertThat(Filter.property("autoUpdateEnabled").isEqualTo(true).toString())
          .contains("\"value\":true");
      assertThatThrownBy(() -> Filter.property("backupServerUid").isEqualTo("not-a-uuid"))
          .hasMessageContaining("needs a UUID");
    }
  }

  @Nested
  class ListsAndGroups {
    @Test
    void inWithSeveralValues() {
      assertThat(Filter.property("status").in(LicenseStatus.WARNING, "Expired").toString())
          .isEqualTo(
              "{\"property\":\"status\",\"operation\":\"in\",\"collation\":\"ignorecase\",\"value\":[\"Warning\",\"Expired\"]}");
    }

    @Test
    void listPropertiesTakeContainsSubsetAndSuperset() {
      assertThat(Filter.property("packages").contains("Backup").toString())
          .contains("\"operation\":\"contains\"", "\"value\":\"Backup\"");
      assertThat(Filter.property("packages").isSubsetOf("Backup", "ONE").toString())
          .contains("\"operation\":\"subset\"", "\"value\":[\"Backup\",\"ONE\"]");
      assertThat(Filter.property("supportIds").isSupersetOf("00276360").toString())
          .contains("\"operation\":\"superset\"", "\"value\":[\"00276360\"]")
          .doesNotContain("collation");
    }

    @Test
    void groupsNestAndKeepTheirOrder() {
      Filter filter =
          Filter.or(
              Filter.and(
                  Filter.property("status").equalsIgnoreCase("Expired"),
                  Filter.not(Filter.property("type").isEqualTo(LicenseType.COMMUNITY))),
              Filter.exclusiveOr(
                  Filter.property("monitoring").isEqualTo(true),
                  Filter.property("company").containsIgnoreCase("acme")));
      assertThat(filter.toString())
          .isEqualTo(
              "{\"operation\":\"or\",\"items\":["
                  + "{\"operation\":\"and\",\"items\":["
                  + "{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"Expired\"},"
                  + "{\"operation\":\"not\",\"items\":[{\"property\":\"type\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"Community\"}]}]},"
                  + "{\"operation\":\"exclusiveOr\",\"items\":["
                  + "{\"property\":\"monitoring\",\"operation\":\"equals\",\"value\":true},"
                  + "{\"property\":\"company\",\"operation\":\"contains\",\"collation\":\"ignorecase\",\"value\":\"acme\"}]}]}");
    }

    @Test
    void aGroupNeedsAnExpression() {
      assertThatThrownBy(() -> Filter.and(List.of()))
          .hasMessage("and needs at least one expression");
      assertThatThrownBy(() -> Filter.property("status").in())
          .hasMessageContaining("needs at least one value");
    }
  }

  @Nested
  class WhatCannotBeBuilt {
    @Test
    void aTypoFailsAtOnceNamingTheValidProperties() {
      assertThatThrownBy(() -> Filter.property("expiryDate"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "unknown property 'expiryDate' in filter; licences have backupServerUid, autoUpdateEnabled,")
          .hasMessageContaining("expirationDate");
      assertThatThrownBy(() -> Sort.descending("ExpirationDate"))
          .hasMessageContaining("unknown property 'ExpirationDate' in sort")
          .hasMessageContaining("did you mean expirationDate?");
      assertThatThrownBy(() -> LicenseQuery.all().select("company", "name"))
          .hasMessageContaining("unknown property 'name' in select");
    }

    @Test
    void theKnownPropertiesAreTheGeneratedModels() {
      assertThatThrownBy(() -> Filter.property("nope"))
          .hasMessageContaining(String.join(", ", BackupServerLicense.PROPERTIES));
      assertThat(BackupServerLicense.PROPERTIES).hasSize(23);
    }

    @Test
    void licensesHaveNoNestedObjects() {
      assertThatThrownBy(() -> Filter.property("status.value"))
          .hasMessage(
              "'status.value' in filter names a property of 'status', which is an enumeration value, not an object");
    }

    @Test
    void aValueOfTheWrongType() {
      assertThatThrownBy(() -> Filter.property("expirationDate").isEqualTo(42))
          .hasMessage(
              "equals on 'expirationDate' needs a date-time (Instant, OffsetDateTime, ZonedDateTime or an"
                  + " ISO-8601 string with an offset), was given Integer");
      assertThatThrownBy(() -> Filter.property("units").greaterThan("many"))
          .hasMessage("greaterThan on 'units' needs a number, was given String many");
      assertThatThrownBy(() -> Filter.property("status").isEqualTo(LicenseType.RENTAL))
          .hasMessageContaining("needs an enumeration value (a String or LicenseStatus)");
      assertThatThrownBy(() -> Filter.property("expirationDate").lessThan("2027-01-01"))
          .hasMessageContaining(
              "needs a date-time with an offset, e.g. 2027-01-01T00:00:00Z, was given '2027-01-01'");
    }

    @Test
    void anOperationTheTypeDoesNotHave() {
      assertThatThrownBy(() -> Filter.property("autoUpdateEnabled").lessThan(true))
          .hasMessage(
              "lessThan needs a string, a number or a date-time, but 'autoUpdateEnabled' is a boolean");
      assertThatThrownBy(() -> Filter.property("packages").isEqualTo("Backup"))
          .hasMessageContaining("but 'packages' is a list of enumeration values");
      assertThatThrownBy(() -> Filter.property("company").isSubsetOf("a"))
          .hasMessage("subset needs a list, but 'company' is a string");
      assertThatThrownBy(() -> Filter.property("units").contains(3))
          .hasMessage("contains needs a string or a list, but 'units' is a number");
      assertThatThrownBy(() -> Filter.property("expirationDate").ignoringCase())
          .hasMessage(
              "'expirationDate' is a date-time: a collation (ignorecase) applies only to strings");
      assertThatThrownBy(() -> Sort.ascending("licenseIds"))
          .hasMessage("cannot sort by 'licenseIds': it is a list of UUIDs");
    }
  }

  @Nested
  class Queries {
    @Test
    void carriesThreeJsonArrays() {
      LicenseQuery query =
          LicenseQuery.all()
              .where(Filter.property("status").equalsIgnoreCase("Expired"))
              .sortedBy(Sort.descending("expirationDate"), Sort.ascending("company").ignoringCase())
              .select("company", "expirationDate");
      assertThat(query.filterJson())
          .isEqualTo(
              "[{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"Expired\"}]");
      assertThat(query.sortJson())
          .isEqualTo(
              "[{\"property\":\"expirationDate\",\"direction\":\"descending\"},"
                  + "{\"property\":\"company\",\"direction\":\"ascending\",\"collation\":\"ignorecase\"}]");
      assertThat(query.selectJson())
          .isEqualTo("[{\"propertyPath\":\"company\"},{\"propertyPath\":\"expirationDate\"}]");
      assertThat(query.toString())
          .startsWith("LicenseQuery{filter=[")
          .contains(", sort=[", ", select=[");
    }

    @Test
    void isImmutableAndWhereAccumulates() {
      LicenseQuery expired =
          LicenseQuery.all().where(Filter.property("status").equalsIgnoreCase("Expired"));
      LicenseQuery expiredAcme =
          expired.where(Filter.property("company").containsIgnoreCase("acme"));
      assertThat(expired.filters()).hasSize(1);
      assertThat(expiredAcme.filters()).hasSize(2);
      assertThat(LicenseQuery.all().filterJson()).isNull();
      assertThat(LicenseQuery.all().selectJson()).isNull();
      assertThat(expired.select("company").select("status").selected()).containsExactly("status");
      assertThat(expiredAcme)
          .isEqualTo(
              LicenseQuery.all()
                  .where(
                      Filter.property("status").equalsIgnoreCase("Expired"),
                      Filter.property("company").containsIgnoreCase("acme")));
    }

    @Test
    void expectsOnlyWhatItSelects() {
      assertThat(LicenseQuery.all().expects("autoUpdateEnabled")).isTrue();
      LicenseQuery selected = LicenseQuery.all().select("company");
      assertThat(selected.expects("company")).isTrue();
      assertThat(selected.expects("autoUpdateEnabled")).isFalse();
    }

    @Test
    void aFilterLongerThanTheDocumentAllowsFailsHere() {
      String[] many = new String[60];
      java.util.Arrays.fill(many, "x".repeat(150));
      assertThatThrownBy(
              () -> LicenseQuery.all().where(Filter.property("company").in((Object[]) many)))
          .hasMessageContaining("more than the 8192 the API document allows");
    }
  }
}

package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * filter, sort and select, operation by operation, on a small dataset whose every answer can be
 * read off the table below. Values as servers send them: PascalCase and lowercase enums, date-times
 * with different offsets and fractions, nulls, absent properties, and (a dataset file may hold more
 * than the document) a nested object.
 */
class QueriesTest {

  /** company, status, expirationDate, units, packages, autoUpdateEnabled, usage.instances */
  static final String DATASET =
      "["
          + license(
              "Alpha Ltd",
              "Valid",
              "\"2027-09-09T10:00:00.0000000+03:00\"",
              100,
              "[\"Backup\"]",
              true,
              10)
          + ","
          + license(
              "beta GmbH",
              "expired",
              "\"2025-03-01T00:00:00.0000000+00:00\"",
              50,
              "[\"Backup\",\"ONE\"]",
              false,
              60)
          + ","
          + license(
              "Gamma Item 10",
              "Warning",
              "\"2026-12-31T23:59:59.9999999+00:00\"",
              2500,
              "[\"ONE\"]",
              false,
              5)
          + ","
          + license(
              "gamma item 9", "Expired", "\"2027-01-01T00:59:00.0000000+01:00\"", 10, "[]", true, 0)
          + ","
          + license(
              "Delta & Co", "Unlicensed", "null", 100, "[\"Suite\",\"Backup\",\"ONE\"]", false, 7)
          + ",{\"autoUpdateEnabled\":true}"
          + "]";

  private static String license(
      String company,
      String status,
      String expiration,
      int units,
      String packages,
      boolean autoUpdate,
      int instances) {
    return "{\"company\":\""
        + company
        + "\",\"status\":\""
        + status
        + "\",\"expirationDate\":"
        + expiration
        + ",\"units\":"
        + units
        + ".0,\"packages\":"
        + packages
        + ",\"autoUpdateEnabled\":"
        + autoUpdate
        + ",\"usage\":{\"instances\":"
        + instances
        + ",\"unit\":\"Instances\"}}";
  }

  @RegisterExtension
  static final VspcEmulatorExtension VSPC =
      new VspcEmulatorExtension(b -> b.dataset(Dataset.fromJson(DATASET)));

  static Http.Reply query(String name, String json) {
    return Http.licenses(
        VSPC.emulator(), name + "=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
  }

  /** The companies of the licences a filter keeps, in order ("-" for a licence without one). */
  static List<String> filtered(String filter) {
    Http.Reply reply = query("filter", filter);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.pagingInfo().get("total"))
        .as("total counts what the filter keeps")
        .isEqualTo((double) reply.data().size());
    return companies(reply);
  }

  /** The companies of the licences in the order a sort gives ("-" for a licence without one). */
  static List<String> sorted(String sort) {
    return companies(query("sort", sort));
  }

  private static List<String> companies(Http.Reply reply) {
    return reply.data().stream().map(l -> String.valueOf(l.getOrDefault("company", "-"))).toList();
  }

  static String expression(String property, String operation, String value) {
    return "{\"property\":\""
        + property
        + "\",\"operation\":\""
        + operation
        + "\",\"value\":"
        + value
        + "}";
  }

  /** {@code leaf} inside {@code depth} nested {@code not} groups. */
  static String nots(int depth, String leaf) {
    return "{\"operation\":\"not\",\"items\":[".repeat(depth) + leaf + "]}".repeat(depth);
  }

  @Nested
  class Operations {
    @Test
    void groupsNestThirtyTwoDeep() {
      String expired = expression("status", "equals", "\"Expired\"");
      assertThat(filtered("[" + nots(32, expired) + "]")).containsExactly("gamma item 9");
    }

    @Test
    void equalsIsOrdinalByDefaultAndIgnoresCaseWhenAsked() {
      assertThat(filtered("[" + expression("status", "equals", "\"Expired\"") + "]"))
          .containsExactly("gamma item 9");
      assertThat(
              filtered(
                  "[{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"EXPIRED\"}]"))
          .containsExactly("beta GmbH", "gamma item 9");
    }

    @Test
    void notEqualsKeepsAbsentValues() {
      assertThat(
              filtered(
                  "[{\"property\":\"status\",\"operation\":\"notEquals\",\"collation\":\"ignorecase\",\"value\":\"expired\"}]"))
          .containsExactly("Alpha Ltd", "Gamma Item 10", "Delta & Co", "-");
    }

    @Test
    void nullMatchesNullAndAbsent() {
      assertThat(filtered("[" + expression("expirationDate", "equals", "null") + "]"))
          .containsExactly("Delta & Co", "-");
      assertThat(filtered("[" + expression("expirationDate", "notEquals", "null") + "]"))
          .hasSize(4);
    }

    @ParameterizedTest(name = "expirationDate {0} {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          // gamma item 9 expires at 2026-12-31T23:59:00Z (written +01:00), Gamma Item 10 at
          // 23:59:59.9999999Z
          "lessThan|2027-01-01T00:00:00Z|Gamma Item 10,gamma item 9,beta GmbH",
          "lessThan|2027-01-01T01:00:00.0000000+01:00|Gamma Item 10,gamma item 9,beta GmbH",
          "lessThanOrEqual|2026-12-31T23:59:00Z|gamma item 9,beta GmbH",
          "lessThan|2026-12-31T23:59:00Z|beta GmbH",
          "greaterThan|2026-12-31T23:59:59.9999999Z|Alpha Ltd",
          "greaterThanOrEqual|2026-12-31T23:59:59.9999999Z|Alpha Ltd,Gamma Item 10",
          "lessThan|2026-01-01|beta GmbH"
        })
    void dateTimesCompareAsInstants(String operation, String value, String expected) {
      List<String> kept =
          filtered("[" + expression("expirationDate", operation, "\"" + value + "\"") + "]");
      assertThat(kept).containsExactlyInAnyOrder(expected.split(","));
    }

    @Test
    void numbersCompareAsNumbers() {
      assertThat(filtered("[" + expression("units", "greaterThanOrEqual", "100") + "]"))
          .containsExactly("Alpha Ltd", "Gamma Item 10", "Delta & Co");
      assertThat(filtered("[" + expression("units", "lessThan", "\"100\"") + "]"))
          .as("a string is not a number")
          .isEmpty();
    }

    @Test
    void inTakesAnArrayOfValuesAndMatchesAnElementOfAList() {
      assertThat(
              filtered(
                  "[{\"property\":\"status\",\"operation\":\"in\",\"collation\":\"ignorecase\",\"value\":[\"warning\",\"unlicensed\"]}]"))
          .containsExactly("Gamma Item 10", "Delta & Co");
      assertThat(filtered("[" + expression("packages", "in", "[\"Suite\",\"Foundation\"]") + "]"))
          .containsExactly("Delta & Co");
      assertThat(filtered("[" + expression("autoUpdateEnabled", "in", "[true]") + "]"))
          .containsExactly("Alpha Ltd", "gamma item 9", "-");
    }

    @Test
    void containsIsASubstringOfAStringOrAnElementOfAList() {
      assertThat(filtered("[" + expression("company", "contains", "\"amma\"") + "]"))
          .containsExactly("Gamma Item 10", "gamma item 9");
      assertThat(
              filtered(
                  "[{\"property\":\"company\",\"operation\":\"contains\",\"collation\":\"ignorecase\",\"value\":\"GAMMA\"}]"))
          .containsExactly("Gamma Item 10", "gamma item 9");
      assertThat(filtered("[" + expression("packages", "contains", "\"ONE\"") + "]"))
          .containsExactly("beta GmbH", "Gamma Item 10", "Delta & Co");
    }

    @Test
    void subsetAndSupersetCompareLists() {
      assertThat(filtered("[" + expression("packages", "subset", "[\"Backup\",\"ONE\"]") + "]"))
          .as("every element among the values; the empty list too")
          .containsExactly("Alpha Ltd", "beta GmbH", "Gamma Item 10", "gamma item 9");
      assertThat(filtered("[" + expression("packages", "superset", "[\"Backup\",\"ONE\"]") + "]"))
          .containsExactly("beta GmbH", "Delta & Co");
    }

    @Test
    void groupsNest() {
      String expired =
          "{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ignorecase\",\"value\":\"expired\"}";
      String manyUnits = expression("units", "greaterThan", "60");
      assertThat(filtered("[{\"operation\":\"or\",\"items\":[" + expired + "," + manyUnits + "]}]"))
          .containsExactly("Alpha Ltd", "beta GmbH", "Gamma Item 10", "gamma item 9", "Delta & Co");
      assertThat(
              filtered(
                  "[{\"operation\":\"and\",\"items\":["
                      + expired
                      + ",{\"operation\":\"not\",\"items\":["
                      + expression("autoUpdateEnabled", "equals", "true")
                      + "]}]}]"))
          .containsExactly("beta GmbH");
      assertThat(
              filtered(
                  "[{\"operation\":\"exclusiveOr\",\"items\":["
                      + expired
                      + ","
                      + expression("units", "lessThan", "20")
                      + "]}]"))
          .as("expired or few units, not both")
          .containsExactly("beta GmbH");
    }

    @Test
    void theElementsOfTheArrayAreCombinedWithAnd() {
      assertThat(
              filtered(
                  "["
                      + expression("units", "equals", "100")
                      + ","
                      + expression("autoUpdateEnabled", "equals", "false")
                      + "]"))
          .containsExactly("Delta & Co");
    }

    @Test
    void nestedPropertiesAreNamedWithADot() {
      assertThat(filtered("[" + expression("usage.instances", "greaterThan", "6") + "]"))
          .containsExactly("Alpha Ltd", "beta GmbH", "Delta & Co");
    }

    @Test
    void lexicographicPutsItem9BeforeItem10() {
      assertThat(
              filtered(
                  "[{\"property\":\"company\",\"operation\":\"lessThan\",\"collation\":\"lexicographic\",\"value\":\"Gamma Item 10\"}]"))
          .containsExactly("Alpha Ltd", "beta GmbH", "gamma item 9", "Delta & Co");
    }

    @Test
    void whatAStockJavaClientAddsIsHarmless() {
      // okhttp-gson writes empty items and null members; they mean nothing.
      assertThat(
              filtered(
                  "[{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"ordinal\","
                      + "\"value\":\"Expired\",\"items\":[]},{\"property\":null,\"operation\":\"or\",\"value\":null,\"items\":["
                      + expression("units", "equals", "10")
                      + "]}]"))
          .containsExactly("gamma item 9");
    }
  }

  @Nested
  class SortAndSelect {
    /** Stable, null first when ascending, and each collation: the companies in order. */
    @ParameterizedTest(name = "sort={0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        [{"property":"units","direction":"descending"}]              | Gamma Item 10;Alpha Ltd;Delta & Co;beta GmbH;gamma item 9;-
        [{"property":"expirationDate","direction":"ascending"}]      | Delta & Co;-;beta GmbH;gamma item 9;Gamma Item 10;Alpha Ltd
        [{"property":"company","direction":"ascending"}]             | -;Alpha Ltd;Delta & Co;Gamma Item 10;beta GmbH;gamma item 9
        [{"property":"company","direction":"ascending","collation":"lexicographic"}] | -;Alpha Ltd;beta GmbH;Delta & Co;gamma item 9;Gamma Item 10
        """)
    void sortOrders(String sort, String companies) {
      assertThat(sorted(sort)).containsExactly(companies.split(";"));
    }

    @Test
    void selectKeepsOnlyTheSelectedPropertiesEvenTheRequiredOne() {
      Http.Reply reply =
          query(
              "select", "[{\"propertyPath\":\"company\"},{\"propertyPath\":\"usage.instances\"}]");
      assertThat(reply.data().get(0))
          .containsExactly(
              Map.entry("company", "Alpha Ltd"), Map.entry("usage", Map.of("instances", 10.0)));
      assertThat(reply.data().get(5)).as("nothing selected is there: an empty object").isEmpty();
    }

    @Test
    void filterSortSelectAndPagingTogether() {
      String filter =
          URLEncoder.encode(
              "[" + expression("autoUpdateEnabled", "equals", "false") + "]",
              StandardCharsets.UTF_8);
      String sort =
          URLEncoder.encode(
              "[{\"property\":\"company\",\"direction\":\"descending\",\"collation\":\"ignorecase\"}]",
              StandardCharsets.UTF_8);
      String select = URLEncoder.encode("[{\"propertyPath\":\"company\"}]", StandardCharsets.UTF_8);
      Http.Reply page =
          Http.licenses(
              VSPC.emulator(),
              "limit=2&offset=1&filter=" + filter + "&sort=" + sort + "&select=" + select);
      assertThat(page.pagingInfo()).isEqualTo(Map.of("total", 3.0, "count", 2.0, "offset", 1.0));
      assertThat(page.data())
          .containsExactly(Map.of("company", "Delta & Co"), Map.of("company", "beta GmbH"));
    }
  }

  @Nested
  class Rejected {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "filter|[{\"property\":\"status\"|not valid JSON",
          "filter|{\"property\":\"status\",\"operation\":\"equals\",\"value\":\"x\"}|must be a JSON array",
          "filter|[{\"property\":\"expiryDate\",\"operation\":\"equals\",\"value\":\"x\"}]|Unknown property 'expiryDate' in filter.",
          "filter|[{\"property\":\"status\",\"operation\":\"like\",\"value\":\"x\"}]|Unknown operation 'like' in filter.",
          "filter|[{\"property\":\"status\",\"operation\":\"equals\",\"collation\":\"binary\",\"value\":\"x\"}]|Unknown collation 'binary'",
          "filter|[{\"property\":\"status\",\"operation\":\"in\",\"value\":\"Valid\"}]|must be an array",
          "filter|[{\"operation\":\"not\",\"items\":[]}]|not needs items",
          "filter|[{\"property\":\"status\",\"operation\":\"equals\",\"value\":\"x\",\"nulls\":\"last\"}]|Unknown member 'nulls' in filter",
          "sort|[{\"property\":\"status\",\"direction\":\"up\"}]|must be ascending or descending",
          "sort|[{\"property\":\"packages\",\"direction\":\"ascending\"}]|Cannot sort by 'packages'",
          "sort|[{\"property\":\"statuz\",\"direction\":\"ascending\"}]|Unknown property 'statuz' in sort.",
          "select|[{\"propertyPath\":\"name\"}]|Unknown property 'name' in select.",
          "select|[\"company\"]|must be a JSON object"
        })
    void with400NamingTheParameter(String parameter, String json, String message) {
      Http.Reply reply = query(parameter, json);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.firstError())
          .containsEntry("parameterName", parameter)
          .containsEntry("type", "logical")
          .containsEntry("code", 400.0);
      assertThat((String) reply.firstError().get("message")).contains(message);
    }

    @Test
    void groupsNestedDeeperThanThirtyTwoWith400NamingTheFilter() {
      Http.Reply reply =
          query("filter", "[" + nots(33, expression("status", "equals", "\"Expired\"")) + "]");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.firstError())
          .containsEntry("parameterName", "filter")
          .containsEntry("type", "logical")
          .containsEntry("message", "Filter expressions are nested more than 32 deep.");
    }
  }

  @Test
  void theRequestLogShowsWhatCrossedTheNetwork() {
    VSPC.emulator().resetStats();
    filtered("[" + expression("status", "in", "[\"Expired\",\"expired\"]") + "]");
    Http.licenses(VSPC.emulator(), "");
    List<LoggedRequest> log = VSPC.emulator().requestLog();
    assertThat(log)
        .extracting(LoggedRequest::status, LoggedRequest::licenses)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(200, 2),
            org.assertj.core.groups.Tuple.tuple(200, 6));
    assertThat(log.get(0).queryParameter("filter")).contains("\"Expired\"");
    assertThat(VSPC.emulator().stats().licensesServed()).isEqualTo(8);
  }
}

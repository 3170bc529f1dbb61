package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each contract break changes exactly what it says, and nothing else: the rest of every page is
 * byte for byte what the faithful emulator serves.
 */
class ContractBreakTest {
  private static final String QUERY = "limit=50&offset=50";

  private static Http.Reply page(Set<ContractBreak> breaks, String query) {
    try (VspcEmulator vspc =
        VspcEmulator.builder().licenses(120).seed(3).contractBreaks(breaks).start()) {
      return Http.licenses(vspc, query);
    }
  }

  private static Http.Reply faithful(String query) {
    return page(Set.of(), query);
  }

  private static Http.Reply broken(ContractBreak b, String query) {
    return page(EnumSet.of(b), query);
  }

  @Test
  void withoutBreaksPagesAreUnchanged() {
    Http.Reply reply = page(EnumSet.noneOf(ContractBreak.class), QUERY);
    assertThat(reply.text()).isEqualTo(faithful(QUERY).text());
    assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
  }

  @Test
  void nullInNonNullableNullsEveryCompany() {
    List<Map<String, Object>> data = broken(ContractBreak.NULL_IN_NON_NULLABLE, QUERY).data();
    List<Map<String, Object>> before = faithful(QUERY).data();
    for (int i = 0; i < data.size(); i++) {
      Map<String, Object> expected = new java.util.LinkedHashMap<>(before.get(i));
      if (expected.containsKey("company")) {
        expected.put("company", null);
      }
      assertThat(data.get(i)).isEqualTo(expected);
    }
    assertThat(data).anySatisfy(l -> assertThat(l).containsEntry("company", null));
  }

  @Test
  void countMismatchAddsOneToCount() {
    Http.Reply reply = broken(ContractBreak.COUNT_MISMATCH, QUERY);
    assertThat(reply.pagingInfo())
        .containsEntry("count", 51.0)
        .containsEntry("offset", 50.0)
        .containsEntry("total", 120.0);
    assertThat(reply.data()).isEqualTo(faithful(QUERY).data());
  }

  @Test
  void offsetNotEchoedSendsZero() {
    assertThat(broken(ContractBreak.OFFSET_NOT_ECHOED, QUERY).pagingInfo())
        .containsEntry("offset", 0.0)
        .containsEntry("count", 50.0);
  }

  @Test
  void dateWithoutOffsetDropsTheOffsetOfExpirationDateOnly() {
    List<Map<String, Object>> data = broken(ContractBreak.DATE_WITHOUT_OFFSET, QUERY).data();
    List<Map<String, Object>> before = faithful(QUERY).data();
    assertThat(data).anySatisfy(l -> assertThat(l.get("expirationDate")).isNotNull());
    for (int i = 0; i < data.size(); i++) {
      Object date = data.get(i).get("expirationDate");
      if (date != null) {
        assertThat((String) date)
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}")
            .isEqualTo(((String) before.get(i).get("expirationDate")).substring(0, 27));
      }
      assertThat(data.get(i).get("supportExpirationDate"))
          .isEqualTo(before.get(i).get("supportExpirationDate"));
    }
  }

  @Test
  void wrongContentTypeKeepsTheBody() {
    Http.Reply reply = broken(ContractBreak.WRONG_CONTENT_TYPE, QUERY);
    assertThat(reply.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(reply.text()).isEqualTo(faithful(QUERY).text());
    assertThat(broken(ContractBreak.WRONG_CONTENT_TYPE, "limit=501").header("Content-Type"))
        .startsWith("application/json");
  }

  @Test
  void limit501AcceptedServesAPage() {
    assertThat(faithful("limit=501").status()).isEqualTo(400);
    Http.Reply reply = broken(ContractBreak.LIMIT_501_ACCEPTED, "limit=501");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.data()).hasSize(120);
    assertThat(broken(ContractBreak.LIMIT_501_ACCEPTED, "offset=-1").status()).isEqualTo(400);
  }

  @Test
  void propertyRenamedMovesExpirationDate() {
    List<Map<String, Object>> data = broken(ContractBreak.PROPERTY_RENAMED, QUERY).data();
    List<Map<String, Object>> before = faithful(QUERY).data();
    for (int i = 0; i < data.size(); i++) {
      assertThat(data.get(i)).doesNotContainKey("expirationDate");
      if (before.get(i).containsKey("expirationDate")) {
        assertThat(data.get(i)).containsEntry("expiryDate", before.get(i).get("expirationDate"));
      }
    }
  }

  @Test
  void totalChangesOnlyInsideTheCollectionPastTheFirstPage() {
    assertThat(broken(ContractBreak.TOTAL_CHANGES, "limit=50&offset=0").pagingInfo())
        .containsEntry("total", 120.0);
    assertThat(broken(ContractBreak.TOTAL_CHANGES, QUERY).pagingInfo())
        .containsEntry("total", 121.0);
    assertThat(broken(ContractBreak.TOTAL_CHANGES, "offset=120").pagingInfo())
        .containsEntry("total", 120.0);
  }

  @Test
  void newEnumValueAndNewPropertyAreAdditions() {
    assertThat(broken(ContractBreak.NEW_ENUM_VALUE, QUERY).data())
        .allSatisfy(l -> assertThat(l.get("status")).isIn("Suspended", null));
    assertThat(broken(ContractBreak.NEW_PROPERTY, QUERY).data())
        .allSatisfy(l -> assertThat(l).containsEntry("region", "EU"));
    assertThat(EnumSet.allOf(ContractBreak.class))
        .filteredOn(ContractBreak::isAddition)
        .containsExactly(ContractBreak.NEW_ENUM_VALUE, ContractBreak.NEW_PROPERTY);
  }

  @Test
  void namesParseAndUnknownNamesAreRefused() {
    assertThat(ContractBreak.parse("count-mismatch, NULL_IN_NON_NULLABLE"))
        .containsExactlyInAnyOrder(
            ContractBreak.COUNT_MISMATCH, ContractBreak.NULL_IN_NON_NULLABLE);
    assertThat(ContractBreak.parse("none")).isEmpty();
    assertThatThrownBy(() -> ContractBreak.parse("count-mismatch,bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bogus'")
        .hasMessageContaining("property-renamed");
  }
}

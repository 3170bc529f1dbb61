package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** limit/offset behave as the document says. */
class PagingTest {

  @RegisterExtension
  static final VspcEmulatorExtension VSPC = new VspcEmulatorExtension(b -> b.licenses(1_050));

  @Test
  void withoutParametersTheFirst100AreServed() {
    Http.Reply reply = Http.licenses(VSPC.emulator(), "");
    assertThat(reply.pagingInfo())
        .containsExactlyInAnyOrderEntriesOf(Map.of("total", 1050.0, "count", 100.0, "offset", 0.0));
    assertThat(reply.data()).hasSize(100);
  }

  @ParameterizedTest(name = "limit={0} offset={1} -> count {2}")
  @CsvSource({
    "500,0,500",
    "500,1000,50",
    "500,1049,1",
    "1,0,1",
    "7,1043,7",
    "100,1050,0",
    "500,2147483647,0"
  })
  void countIsWhatRemainsAfterOffsetUpToLimit(int limit, int offset, int count) {
    Http.Reply reply = Http.licenses(VSPC.emulator(), "limit=" + limit + "&offset=" + offset);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.pagingInfo())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("total", 1050.0, "count", (double) count, "offset", (double) offset));
    assertThat(reply.data()).hasSize(count);
  }

  @Test
  void pagingThroughSeesEveryLicenseOnce() {
    List<Map<String, Object>> seen = new ArrayList<>();
    int pages = 0;
    for (int offset = 0; ; offset += 500) {
      Http.Reply page = Http.licenses(VSPC.emulator(), "limit=500&offset=" + offset);
      pages++;
      if (page.data().isEmpty()) {
        break;
      }
      seen.addAll(page.data());
    }
    assertThat(pages).isEqualTo(4);
    assertThat(seen).hasSize(1050);
    List<Object> uids =
        seen.stream()
            .filter(l -> l.containsKey("backupServerUid"))
            .map(l -> l.get("backupServerUid"))
            .toList();
    assertThat(uids).doesNotHaveDuplicates().hasSizeGreaterThan(1000);
  }

  @Test
  void overlappingPagesAgreeOnTheLicensesTheyShare() {
    String a = Http.licenses(VSPC.emulator(), "limit=10&offset=20").data().get(5).toString();
    String b = Http.licenses(VSPC.emulator(), "limit=5&offset=25").data().get(0).toString();
    assertThat(a).isEqualTo(b);
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource({
    "limit=0,limit",
    "limit=501,limit",
    "limit=abc,limit",
    "limit=,limit",
    "limit=1.5,limit",
    "offset=-1,offset",
    "offset=2147483648,offset",
    "offset=ten,offset",
    "limit=99999999999,limit"
  })
  void invalidParametersGetTheLogicalErrorEnvelope(String query, String parameter) {
    Http.Reply reply = Http.licenses(VSPC.emulator(), query);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.firstError())
        .containsEntry("type", "logical")
        .containsEntry("code", 400.0)
        .containsEntry("parameterName", parameter)
        .containsKey("message");
  }

  @Test
  void parameterNamesMatchCaseInsensitivelyAndUnknownOnesAreIgnored() {
    Http.Reply reply = Http.licenses(VSPC.emulator(), "Limit=3&OFFSET=1&search=x");
    assertThat(reply.pagingInfo()).containsEntry("count", 3.0).containsEntry("offset", 1.0);
  }
}

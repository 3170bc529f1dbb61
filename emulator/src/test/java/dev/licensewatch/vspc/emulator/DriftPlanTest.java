package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collection changes while a client pages through it. */
class DriftPlanTest {

  private static Http.Reply reply(VspcEmulator e, int offset) {
    return Http.licenses(e, "limit=100&offset=" + offset);
  }

  private static List<Map<String, Object>> page(VspcEmulator e, int offset) {
    return reply(e, offset).data();
  }

  /** The reply at {@code offset}, after checking the total it reports. */
  private static Http.Reply replyWithTotal(VspcEmulator e, int offset, double total) {
    Http.Reply reply = reply(e, offset);
    assertThat(reply.pagingInfo()).containsEntry("total", total);
    return reply;
  }

  /** An emulator with 300 licences that drifts as {@code plan} says. */
  private static VspcEmulator drifting(DriftPlan plan) {
    return VspcEmulator.builder().licenses(300).drift(plan).start();
  }

  @Test
  void addedLicensesAppearAtTheFrontAfterTheKthRequest() {
    try (VspcEmulator e = drifting(DriftPlan.add(2, 10))) {
      Map<String, Object> firstBefore = page(e, 0).get(0);
      Http.Reply second = replyWithTotal(e, 100, 300.0);
      Http.Reply third = replyWithTotal(e, 200, 310.0);
      // Everything moved back by 10: the third page starts with what was number 190.
      assertThat(third.data().get(0)).isEqualTo(second.data().get(90));
      assertThat(page(e, 10).get(0)).isEqualTo(firstBefore);
      assertThat(e.licenseCount()).isEqualTo(310);
    }
  }

  @Test
  void removedLicensesVanishFromTheFront() {
    try (VspcEmulator e = drifting(DriftPlan.remove(1, 50))) {
      Map<String, Object> fiftieth = page(e, 50).get(0);
      Http.Reply after = replyWithTotal(e, 0, 250.0);
      assertThat(after.data().get(0)).isEqualTo(fiftieth);
    }
  }

  @Test
  void driftHappensOnceAndCanBeReArmed() {
    try (VspcEmulator e = VspcEmulator.builder().licenses(100).start()) {
      e.setDrift(DriftPlan.add(1, 5));
      for (int i = 0; i < 5; i++) {
        page(e, 0);
      }
      assertThat(e.licenseCount()).isEqualTo(105);
      e.setDrift(DriftPlan.parse("-20@0"));
      page(e, 0);
      assertThat(e.licenseCount()).isEqualTo(85);
    }
  }

  @Test
  void driftSpecsParse() {
    assertThat(DriftPlan.parse("+5@3")).isEqualTo(DriftPlan.add(3, 5));
    assertThat(DriftPlan.parse("-5@3")).isEqualTo(DriftPlan.remove(3, 5));
    assertThat(DriftPlan.parse("none").isNone()).isTrue();
    assertThat(DriftPlan.parse(DriftPlan.add(3, 5).toString())).isEqualTo(DriftPlan.add(3, 5));
  }
}

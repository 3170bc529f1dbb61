package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.licensewatch.vspc.emulator.FaultPlan.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fault spec strings a command line passes. */
class FaultPlanTest {

  @Test
  void aScheduleNamesTheFaultOfEachRequestNumber() {
    FaultPlan plan = FaultPlan.parse("429@2,reset@5,520@7");
    assertThat(plan.faultFor(1)).isNull();
    assertThat(plan.faultFor(2)).isEqualTo(Fault.of(FaultKind.THROTTLE));
    assertThat(plan.faultFor(5)).isEqualTo(Fault.of(FaultKind.RESET));
    assertThat(plan.faultFor(7)).isEqualTo(Fault.of(FaultKind.SERVER_ERROR));
    assertThat(plan.faultFor(8)).isNull();
  }

  @Test
  void argumentsRangesAndEveryRequest() {
    FaultPlan plan = FaultPlan.parse("429:30@1, 503@3-4, delay:50@*");
    assertThat(plan.faultFor(1)).isEqualTo(new Fault(FaultKind.THROTTLE, 30));
    assertThat(plan.faultFor(3)).isEqualTo(Fault.of(FaultKind.UNAVAILABLE));
    assertThat(plan.faultFor(4)).isEqualTo(Fault.of(FaultKind.UNAVAILABLE));
    assertThat(plan.faultFor(2)).isEqualTo(new Fault(FaultKind.DELAY, 50));
    assertThat(plan.faultFor(1_000_000)).isEqualTo(new Fault(FaultKind.DELAY, 50));
  }

  @Test
  void randomPlansDrawAtTheRateFromTheKinds() {
    FaultPlan plan = FaultPlan.parse("random:seed=42,rate=0.2,kinds=429|503|520|reset");
    long faults = 0;
    for (long n = 1; n <= 10_000; n++) {
      Fault f = plan.faultFor(n);
      if (f != null) {
        faults++;
        assertThat(f.kind())
            .isIn(
                FaultKind.THROTTLE, FaultKind.UNAVAILABLE, FaultKind.SERVER_ERROR, FaultKind.RESET);
      }
    }
    assertThat(faults).isBetween(1_800L, 2_200L);
    assertThat(plan.faultFor(17))
        .isEqualTo(FaultPlan.parse("random:seed=42,rate=0.2,kinds=429|503|520|reset").faultFor(17));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "none",
        "429@2,reset@5,520@7",
        "429:30@1,503@3-4,delay:50@*",
        "random:seed=42,rate=0.2,kinds=429|503|520|reset",
        "429both:25@*",
        "slow:20@1,hang@2"
      })
  void specsRoundTrip(String spec) {
    FaultPlan plan = FaultPlan.parse(spec);
    assertThat(FaultPlan.parse(plan.toString())).isEqualTo(plan);
  }

  @Test
  void everyKindHasAToken() {
    for (FaultKind kind : FaultKind.values()) {
      assertThat(FaultKind.fromToken(kind.token())).isEqualTo(kind);
    }
    assertThat(List.of("", " none "))
        .allSatisfy(s -> assertThat(FaultPlan.parse(s).isNone()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "429",
        "teapot@1",
        "429@0",
        "429@x",
        "503@5-3",
        "429:x@1",
        "random:rate=2",
        "random:seed=1",
        "random:seed=1,rate=0.1,kinds=nope",
        "random:bogus=1"
      })
  void badSpecsAreRejectedWithTheSpecInTheMessage(String spec) {
    assertThatThrownBy(() -> FaultPlan.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid fault spec '" + spec + "'");
  }
}

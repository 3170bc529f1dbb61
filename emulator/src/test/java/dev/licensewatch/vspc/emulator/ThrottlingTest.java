package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** VSPC's two throttling limits: simultaneous requests, and requests per period. */
class ThrottlingTest {

  private static Http.Reply page(VspcEmulator vspc) {
    return Http.licenses(vspc, "limit=5");
  }

  @Test
  void aRequestBeyondTheSimultaneousLimitGets429WithoutRetryAfter() throws Exception {
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .licenses(10)
            .throttling("simultaneous=1")
            .latency(Duration.ofMillis(600))
            .start()) {
      CompletableFuture<Http.Reply> first = CompletableFuture.supplyAsync(() -> page(vspc));
      Await.until("the first request is admitted", () -> vspc.stats().licenseRequests() == 1);
      Http.Reply second = page(vspc);
      assertThat(second.status()).isEqualTo(429);
      assertThat(second.firstError())
          .containsEntry("type", "transport")
          .containsEntry("code", 429.0)
          .doesNotContainKey("retryAfter");
      assertThat(second.header("Retry-After")).isNull();
      assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(page(vspc).status()).as("a place is free again").isEqualTo(200);
      assertThat(vspc.stats().responses(429)).isEqualTo(1);
    }
  }

  @Test
  void theRequestAfterThePerPeriodLimitGets429WithTheSecondsToTheNextPeriod() {
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .licenses(10)
            .throttling(Throttling.perPeriod(2, Duration.ofSeconds(30)))
            .start()) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        statuses.add(page(vspc).status());
      }
      assertThat(statuses).containsExactly(200, 200, 429);
      Http.Reply throttled = page(vspc);
      assertThat(((Double) throttled.firstError().get("retryAfter")).intValue()).isBetween(1, 30);
      assertThat(throttled.header("Retry-After")).isNull();
    }
  }

  @Test
  void theRetryAfterCanBeAHeaderBothOrLeftOut() {
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .licenses(10)
            .throttling("per-period=1/60s,retry-after=header")
            .start()) {
      page(vspc);
      Http.Reply header = page(vspc);
      assertThat(header.header("Retry-After")).matches("[1-9][0-9]?");
      assertThat(header.firstError()).doesNotContainKey("retryAfter");

      vspc.setThrottling(Throttling.parse("per-period=1/60s,retry-after=both"));
      page(vspc);
      Http.Reply both = page(vspc);
      assertThat(both.header("Retry-After")).isNotNull();
      assertThat(both.firstError()).containsKey("retryAfter");

      vspc.setThrottling(Throttling.parse("per-period=1/60s,retry-after=none"));
      page(vspc);
      Http.Reply none = page(vspc);
      assertThat(none.status()).isEqualTo(429);
      assertThat(none.header("Retry-After")).isNull();
      assertThat(none.firstError()).doesNotContainKey("retryAfter");

      vspc.setThrottling(Throttling.none());
      assertThat(page(vspc).status()).isEqualTo(200);
    }
  }

  @Test
  void aNewPeriodServesAgain() throws Exception {
    try (VspcEmulator vspc =
        VspcEmulator.builder().licenses(10).throttling("per-period=1/300ms").start()) {
      assertThat(page(vspc).status()).isEqualTo(200);
      Thread.sleep(700); // at least one whole period later
      assertThat(page(vspc).status()).isEqualTo(200);
    }
  }

  @Test
  void throttledRequestsAreNotNumberedForFaults() {
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .licenses(10)
            .throttling("per-period=2/60s")
            .faults("520@3")
            .start()) {
      assertThat(List.of(page(vspc).status(), page(vspc).status(), page(vspc).status()))
          .containsExactly(200, 200, 429);
      vspc.setThrottling(Throttling.none());
      assertThat(page(vspc).status()).as("the 3rd request that got through").isEqualTo(520);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "none",
        "simultaneous=2",
        "per-period=10/1s",
        "simultaneous=4,per-period=100/10s,retry-after=none",
        "per-period=3/500ms,retry-after=both"
      })
  void specsRoundTrip(String spec) {
    assertThat(Throttling.parse(spec).toString()).isEqualTo(spec);
  }

  @Test
  void badSpecsSayWhatIsWrong() {
    assertThatThrownBy(() -> Throttling.parse("simultaneous=0"))
        .hasMessageContaining("simultaneous must be >= 1");
    assertThatThrownBy(() -> Throttling.parse("per-period=10"))
        .hasMessageContaining("per-period must look like 10/1s");
    assertThatThrownBy(() -> Throttling.parse("per-period=10/5"))
        .hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> Throttling.parse("retry-after=sometimes"))
        .hasMessageContaining("body, header, both or none");
    assertThatThrownBy(() -> Throttling.parse("burst=3"))
        .hasMessageStartingWith("Invalid throttling spec 'burst=3'")
        .hasMessageContaining("unknown key 'burst'");
  }
}

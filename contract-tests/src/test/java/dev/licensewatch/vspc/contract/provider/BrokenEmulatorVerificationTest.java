package dev.licensewatch.vspc.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Provider verification can fail: an emulator serving a licence that breaks a matcher does. */
class BrokenEmulatorVerificationTest {

  @Test
  void aBrokenResponseFailsVerification() {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(BrokenEmulatorProvider.class))
            .execute()
            .testEvents();

    // The state's two interactions: the licence with every property, and the select of two.
    assertThat(tests.started().count()).as("the interactions of the broken state ran").isEqualTo(2);
    List<String> messages =
        tests.failed().list().stream()
            .map(
                event ->
                    event
                        .getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::toString)
                        .orElse(""))
            .toList();
    assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m).contains("expirationDate"));
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("backupServerUid").contains("status"));
  }
}

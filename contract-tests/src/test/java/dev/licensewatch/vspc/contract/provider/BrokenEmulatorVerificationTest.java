package dev.licensewatch.vspc.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.junit.jupiter.api.Test;

/** Provider verification can fail: an emulator serving a licence that breaks a matcher does. */
class BrokenEmulatorVerificationTest {

  @Test
  void aBrokenResponseFailsVerification() {
    Events tests = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BrokenEmulatorProvider.class))
        .execute()
        .testEvents();

    assertThat(tests.started().count()).as("the filtered interaction ran").isEqualTo(1);
    List<Event> failed = tests.failed().list();
    assertThat(failed).hasSize(1);
    String message = failed.get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::toString)
        .orElse("");
    assertThat(message)
        .contains("expirationDate")
        .contains("backupServerUid")
        .contains("status");
  }
}

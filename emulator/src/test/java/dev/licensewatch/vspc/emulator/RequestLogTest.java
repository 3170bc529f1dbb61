package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request log counts an answer while it is sent, and a failed send takes it back. */
class RequestLogTest {
  private static final Request REQUEST =
      new Request(
          "GET", VspcEmulator.LICENSES_PATH + "?limit=5", "HTTP/1.1", Map.of(), new byte[0]);
  private static final Response PAGE = Response.json(200, List.of()).holding(5);

  @Test
  void aFailedSendIsTakenBack() {
    RequestLog log = new RequestLog();
    LoggedRequest sent = log.add(REQUEST, PAGE);
    LoggedRequest failed = log.add(REQUEST, PAGE);
    log.takeBack(failed);
    assertThat(log.entries()).singleElement().isSameAs(sent);
    assertThat(log.licenses()).isEqualTo(5);
  }

  @Test
  void aSendThatFailsAfterAResetLeavesTheResetAlone() {
    // A client that gave up on a slow answer makes the send fail long after; the test that
    // reset the stats meanwhile must not see a negative count.
    RequestLog log = new RequestLog();
    LoggedRequest abandoned = log.add(REQUEST, PAGE);
    log.clear();
    LoggedRequest next = log.add(REQUEST, PAGE);
    log.takeBack(abandoned);
    assertThat(log.entries()).singleElement().isSameAs(next);
    assertThat(log.licenses()).isEqualTo(5);
  }
}

package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Every failure the suite provokes goes through here, so every exception is checked for what a user
 * relies on: one line, and never the token (in the message, in toString, nor in any cause).
 */
final class CleanFailures {
  private CleanFailures() {}

  static <T extends Throwable> T failure(Class<T> type, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected %s", type.getSimpleName()).isInstanceOf(type);
    assertClean(thrown);
    return type.cast(thrown);
  }

  static void assertClean(Throwable thrown) {
    assertThat(thrown.getMessage()).as("message of %s", thrown).isNotBlank();
    assertOneLine(thrown.getMessage());
    assertOneLine(thrown.toString());
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(Fixtures.TOKEN);
      assertThat(t.toString()).doesNotContain(Fixtures.TOKEN);
    }
  }

  static void assertOneLine(String text) {
    assertThat(text).as("one line: %s", text).doesNotContain("\n").doesNotContain("\r");
  }
}

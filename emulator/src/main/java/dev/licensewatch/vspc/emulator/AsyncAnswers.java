package dev.licensewatch.vspc.emulator;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether the emulator queues licences requests as asynchronous actions, as VSPC may: the answer is
 * 202 with {@code Location: .../api/v3/asyncActions/{actionId}}, the action answers {@code Running}
 * to its first polls, then ends as the plan says; its result is the page the request asked for, as
 * it was when the request came. The action's id is the request's {@code X-Request-id} when that is
 * a UUID, so a request sent again with the same id gets the same action instead of a second one.
 * Immutable.
 *
 * <pre>
 * none            answer at once (the default; also the empty string)
 * succeed         queue every request; the first poll says Succeed
 * succeed:2       ... the first 2 polls say Running, the third Succeed
 * fail:1          ... Running once, then Failed (the result is a 520 error)
 * cancel          ... Canceled at the first poll (no result)
 * </pre>
 */
public final class AsyncAnswers {

  /** How a queued action ends. */
  public enum Outcome {
    SUCCEED,
    FAIL,
    CANCEL
  }

  private static final AsyncAnswers NONE = new AsyncAnswers(null, 0);

  private final @Nullable Outcome outcome;
  private final int runningPolls;

  private AsyncAnswers(@Nullable Outcome outcome, int runningPolls) {
    this.outcome = outcome;
    this.runningPolls = runningPolls;
  }

  public static AsyncAnswers none() {
    return NONE;
  }

  /** Every licences request queued; {@code runningPolls} polls say Running, then the outcome. */
  public static AsyncAnswers of(Outcome outcome, int runningPolls) {
    if (runningPolls < 0) {
      throw new IllegalArgumentException("runningPolls must be >= 0: " + runningPolls);
    }
    return new AsyncAnswers(outcome, runningPolls);
  }

  /** The spec form shown above; IllegalArgumentException says what is wrong. */
  public static AsyncAnswers parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.equals("none")) {
      return NONE;
    }
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    Outcome outcome =
        switch (name) {
          case "succeed" -> Outcome.SUCCEED;
          case "fail" -> Outcome.FAIL;
          case "cancel" -> Outcome.CANCEL;
          default ->
              throw new IllegalArgumentException(
                  "async answers '"
                      + spec
                      + "': expected none, succeed, fail or cancel, optionally with :N running polls");
        };
    int polls = 0;
    if (colon >= 0) {
      try {
        polls = Integer.parseInt(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        polls = -1;
      }
      if (polls < 0) {
        throw new IllegalArgumentException(
            "async answers '"
                + spec
                + "': the number of running polls must be a whole number >= 0");
      }
    }
    return of(outcome, polls);
  }

  public boolean isNone() {
    return outcome == null;
  }

  @Nullable Outcome outcome() {
    return outcome;
  }

  int runningPolls() {
    return runningPolls;
  }

  @Override
  public String toString() {
    return outcome == null ? "none" : outcome.name().toLowerCase(Locale.ROOT) + ":" + runningPolls;
  }
}

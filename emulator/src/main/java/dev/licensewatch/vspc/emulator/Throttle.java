package dev.licensewatch.vspc.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The running state of a {@link Throttling}: requests being processed, and the requests of the
 * current period (periods are back to back from the emulator's start, as fixed windows).
 */
final class Throttle {
  private final Throttling limits;
  private final long periodNanos;
  private final long start = System.nanoTime();
  private int processing;
  private long periodIndex;
  private int inPeriod;

  Throttle(Throttling limits) {
    this.limits = limits;
    this.periodNanos = limits.period().toNanos();
  }

  /**
   * Admits a request (then {@link #release()} must follow once it is answered), or returns the 429
   * to send instead.
   */
  synchronized @Nullable Response admit() {
    if (limits.simultaneous() > 0 && processing >= limits.simultaneous()) {
      return tooMany(null);
    }
    if (limits.perPeriod() > 0) {
      long elapsed = System.nanoTime() - start;
      long index = elapsed / periodNanos;
      if (index != periodIndex) {
        periodIndex = index;
        inPeriod = 0;
      }
      if (inPeriod >= limits.perPeriod()) {
        long left = (index + 1) * periodNanos - elapsed;
        return tooMany((int) Math.max(1, (left + 999_999_999L) / 1_000_000_000L));
      }
      inPeriod++;
    }
    processing++;
    return null;
  }

  synchronized void release() {
    processing--;
  }

  /** 429 as VSPC sends it; {@code seconds} only for the per-period limit. */
  private Response tooMany(@Nullable Integer seconds) {
    Throttling.RetryAfter where = limits.retryAfter();
    boolean body =
        seconds != null
            && (where == Throttling.RetryAfter.BODY || where == Throttling.RetryAfter.BOTH);
    boolean header =
        seconds != null
            && (where == Throttling.RetryAfter.HEADER || where == Throttling.RetryAfter.BOTH);
    Response r = Response.tooManyRequests(body ? seconds : null);
    return header ? r.withHeader("Retry-After", Integer.toString(seconds)) : r;
  }
}

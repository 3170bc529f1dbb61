package dev.licensewatch.vspc.client;

import java.time.Duration;

/**
 * Waits between retries, and the clock the overall deadline is measured on; tests replace it to
 * record waits instead of sleeping (and to let the recorded waits count towards the deadline).
 */
interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;

  /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  default long nanoTime() {
    return System.nanoTime();
  }
}

package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a test needs to have happened, instead of sleeping a guessed time. */
final class Await {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private Await() {}

  /** Returns once {@code condition} holds; fails the test naming {@code what} after 10 s. */
  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + PATIENCE.toSeconds() + " s for: " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what);
      }
    }
  }
}

package dev.licensewatch.vspc.client;

import java.time.Duration;

/** Waits between retries; tests replace it to record waits instead of sleeping. */
interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}

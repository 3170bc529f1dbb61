package dev.licensewatch.vspc.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the waits between retries instead of sleeping, and moves a virtual clock forward by each
 * wait so that the client's deadline sees the time pass.
 */
final class RecordingSleeper implements Sleeper {
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final AtomicLong slept = new AtomicLong();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    slept.addAndGet(duration.toNanos());
  }

  @Override
  public long nanoTime() {
    return System.nanoTime() + slept.get();
  }

  Duration total() {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }
}

package dev.licensewatch.vspc.client;

import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many requests of one parallel walk are sent at once, adapted to a throttling server (AIMD,
 * as TCP does with its congestion window): a 429 halves the window, never below 1; then every
 * {@code size} successes without a 429 widen it by one, up to the configured concurrency.
 *
 * <p>Every attempt, retries included, holds a place while it is on the wire, so that after a
 * 429 the pages already requested wait their turn instead of all retrying at once. Places go to
 * the lowest offset first: the page the caller waits for is never overtaken by pages further
 * ahead. Only one decrease per round: a 429 to an attempt sent before the last decrease says
 * nothing new (the whole burst that met the limit answers 429 together).
 */
final class Window {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);

  enum Outcome { OK, THROTTLED, OTHER }

  private final int max;
  private final boolean adaptive;
  private final VspcEventListener listener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Integer> waiting = new PriorityQueue<>(); // offsets
  private int size;
  private int inFlight;
  private int round; // counts decreases: a 429 lowers the window once per round
  private int successes; // since the last change

  Window(int max, boolean adaptive, VspcEventListener listener) {
    this.max = max;
    this.adaptive = adaptive;
    this.listener = listener;
    this.size = max;
  }

  int size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for a place, lowest offset first; returns the round to hand back to {@link #release}.
   */
  int acquire(int offset) throws InterruptedException {
    lock.lock();
    try {
      waiting.add(offset);
      try {
        while (inFlight >= size || waiting.peek() != offset) {
          changed.await();
        }
      } finally {
        waiting.remove(offset);
        changed.signalAll(); // the next offset in line may go now
      }
      inFlight++;
      return round;
    } finally {
      lock.unlock();
    }
  }

  /** The attempt that {@link #acquire} let through got its answer (or none). */
  void release(int roundSent, Outcome outcome) {
    lock.lock();
    try {
      inFlight--;
      int from = size;
      if (adaptive && outcome == Outcome.THROTTLED && roundSent == round) {
        size = Math.max(1, size / 2);
        round++;
        successes = 0;
      } else if (adaptive && outcome == Outcome.OK && size < max && ++successes >= size) {
        size++;
        successes = 0;
      }
      changed.signalAll();
      if (size != from) {
        // Under the lock, so that listeners see the changes in the order they happened.
        if (size < from) {
          log.info("pages in flight {} -> {}: the server throttled a request (HTTP 429)", from,
              size);
        } else {
          log.debug("pages in flight {} -> {}: {} pages without throttling", from, size, from);
        }
        listener.concurrencyChanged(from, size);
      }
    } finally {
      lock.unlock();
    }
  }
}

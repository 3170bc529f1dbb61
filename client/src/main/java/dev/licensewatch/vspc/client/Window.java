package dev.licensewatch.vspc.client;

import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many requests of one parallel walk are sent at once, adapted to a throttling server (AIMD, as
 * TCP does with its congestion window): a 429 halves the window, never below 1; then every {@code
 * size} successes without a 429 widen it by one, up to the configured concurrency. The step back to
 * the size that met the last 429 waits {@value #PROBE_ROUNDS} times longer: a server with a fixed
 * limit is probed now and then, not every few pages.
 *
 * <p>Every attempt, retries included, holds a place while it is on the wire, so that after a 429
 * the pages already requested wait their turn instead of all retrying at once. Places go to the
 * lowest offset first: the page the caller waits for is never overtaken by pages further ahead.
 * Only one decrease per round: a 429 to an attempt sent before the last decrease says nothing new
 * (the whole burst that met the limit answers 429 together). A request told how long to wait keeps
 * its place meanwhile: the server's wait applies to the walk, and pages not yet sent must not spend
 * the same refusal.
 */
final class Window {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);

  enum Outcome {
    OK,
    THROTTLED,
    OTHER
  }

  static final int PROBE_ROUNDS = 4;

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
  private int grownAfter; // the successes that made the last increase, for the log
  private int ceiling; // the size that met the last 429; max + 1 when none did

  Window(int max, boolean adaptive, VspcEventListener listener) {
    this.max = max;
    this.adaptive = adaptive;
    this.listener = listener;
    this.size = max;
    this.ceiling = max + 1;
  }

  int size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /** Waits for a place, lowest offset first; returns the round to hand back to {@link #release}. */
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

  /** The current round, for a request that kept its place ({@link #release} with keep). */
  int round() {
    lock.lock();
    try {
      return round;
    } finally {
      lock.unlock();
    }
  }

  /** Gives up a place kept through a wait. */
  void leave() {
    lock.lock();
    try {
      inFlight--;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The attempt that {@link #acquire} let through got its answer (or none); with {@code keep} it
   * keeps its place for its next attempt (then {@link #round()} or {@link #leave()}). Returns
   * whether the window narrowed for this 429 or had already narrowed since the attempt was sent:
   * then the window itself paces the retry.
   */
  boolean release(int roundSent, Outcome outcome, boolean keep) {
    lock.lock();
    try {
      if (!keep) {
        inFlight--;
      }
      int from = size;
      boolean narrowed = false;
      if (adaptive && outcome == Outcome.THROTTLED) {
        narrowed = roundSent != round || size > 1;
        if (roundSent == round) {
          ceiling = size;
          size = Math.max(1, size / 2);
          round++;
          successes = 0;
        }
      } else if (adaptive
          && outcome == Outcome.OK
          && size < max
          && ++successes >= (size + 1 == ceiling ? size * PROBE_ROUNDS : size)) {
        size++;
        grownAfter = successes;
        successes = 0;
        if (size > ceiling) {
          ceiling = max + 1; // a round at the old limit without a 429: it is gone
        }
      }
      changed.signalAll();
      if (size != from) {
        // Under the lock, so that listeners see the changes in the order they happened.
        if (size < from) {
          log.info(
              "pages in flight {} -> {}: the server throttled a request (HTTP 429)", from, size);
        } else {
          log.debug(
              "pages in flight {} -> {}: no 429 in the last {} answers", from, size, grownAfter);
        }
        listener.concurrencyChanged(from, size);
      }
      return narrowed;
    } finally {
      lock.unlock();
    }
  }
}

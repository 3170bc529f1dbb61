package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.client.Window.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The pages-in-flight window of a parallel walk: additive increase, multiplicative decrease. */
class WindowTest {
  record Change(int from, int to) {}

  final List<Change> changes = new CopyOnWriteArrayList<>();
  final VspcEventListener listener =
      new VspcEventListener() {
        @Override
        public void concurrencyChanged(int from, int to) {
          changes.add(new Change(from, to));
        }
      };

  /** Sends {@code n} attempts at once (offsets 0..n-1); returns their rounds. */
  private static List<Integer> send(Window window, int n) throws InterruptedException {
    List<Integer> rounds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rounds.add(window.acquire(i));
    }
    return rounds;
  }

  @Test
  void startsAtTheConfiguredConcurrency() {
    assertThat(new Window(16, true, listener).size()).isEqualTo(16);
    assertThat(changes).isEmpty();
  }

  @Test
  void aBurstOf429sHalvesTheWindowOnceNotOncePerAnswer() throws Exception {
    Window window = new Window(16, true, listener);
    List<Integer> rounds = send(window, 16);
    window.release(rounds.get(0), Outcome.OK, false);
    window.release(rounds.get(1), Outcome.OK, false);
    for (int i = 2; i < 16; i++) {
      window.release(rounds.get(i), Outcome.THROTTLED, false); // 14 answers to one burst
    }
    assertThat(window.size()).isEqualTo(8);
    assertThat(changes).containsExactly(new Change(16, 8));
  }

  @Test
  void aThrottleOfTheNextRoundHalvesAgainDownToOneNeverBelow() throws Exception {
    Window window = new Window(16, true, listener);
    for (int expected : new int[] {8, 4, 2, 1, 1, 1}) {
      int round = window.acquire(0);
      window.release(round, Outcome.THROTTLED, false);
      assertThat(window.size()).isEqualTo(expected);
    }
    assertThat(changes)
        .containsExactly(new Change(16, 8), new Change(8, 4), new Change(4, 2), new Change(2, 1));
  }

  private static void succeed(Window window, int times) throws InterruptedException {
    for (int i = 0; i < times; i++) {
      window.release(window.acquire(i), Outcome.OK, false);
    }
  }

  @Test
  void growsByOneAfterAWindowfulOfSuccessesAndProbesTheSizeThatMetThe429Slowly() throws Exception {
    Window window = new Window(8, true, listener);
    window.release(window.acquire(0), Outcome.THROTTLED, false); // 8 met a 429: down to 4
    succeed(window, 4 + 5 + 6);
    assertThat(window.size()).isEqualTo(7);
    succeed(window, 7 * Window.PROBE_ROUNDS - 1);
    assertThat(window.size())
        .as("back to 8 only after " + Window.PROBE_ROUNDS + " rounds")
        .isEqualTo(7);
    succeed(window, 1);
    assertThat(window.size()).isEqualTo(8);
    succeed(window, 100);
    assertThat(window.size()).as("never above the concurrency").isEqualTo(8);
    assertThat(changes)
        .containsExactly(
            new Change(8, 4),
            new Change(4, 5),
            new Change(5, 6),
            new Change(6, 7),
            new Change(7, 8));
  }

  @Test
  void aRoundPastTheOldLimitWithoutA429ForgetsIt() throws Exception {
    Window window = new Window(8, true, listener);
    window.release(window.acquire(0), Outcome.THROTTLED, false); // 8 -> 4
    window.release(window.acquire(0), Outcome.THROTTLED, false); // 4 met a 429: -> 2
    succeed(window, 2 + 3 * Window.PROBE_ROUNDS); // 3, then slowly 4
    assertThat(window.size()).isEqualTo(4);
    succeed(window, 4 + 5 + 6 + 7); // 5, 6, 7, 8: at the usual pace again
    assertThat(window.size()).isEqualTo(8);
  }

  @Test
  void aNarrowedWindowPacesTheRetryOfA429ButAWindowOfOneCannot() throws Exception {
    Window window = new Window(2, true, listener);
    int first = window.acquire(0);
    int second = window.acquire(1);
    assertThat(window.release(first, Outcome.THROTTLED, false)).as("2 -> 1: paced").isTrue();
    assertThat(window.release(second, Outcome.THROTTLED, false)).as("sent before: paced").isTrue();
    assertThat(window.release(window.acquire(0), Outcome.THROTTLED, false))
        .as("throttled alone: the retry must back off")
        .isFalse();
    Window fixed = new Window(4, false, listener);
    assertThat(fixed.release(fixed.acquire(0), Outcome.THROTTLED, false))
        .as("a fixed window paces nothing")
        .isFalse();
  }

  @Test
  void otherFailuresNeitherShrinkNorGrowIt() throws Exception {
    Window window = new Window(4, true, listener);
    window.release(window.acquire(0), Outcome.THROTTLED, false);
    for (int i = 0; i < 20; i++) {
      window.release(window.acquire(i), Outcome.OTHER, false); // 503, 520, resets: not throttling
    }
    assertThat(window.size()).isEqualTo(2);
  }

  @Test
  void aFixedWindowIgnoresThrottling() throws Exception {
    Window window = new Window(8, false, listener);
    for (int i = 0; i < 5; i++) {
      window.release(window.acquire(i), Outcome.THROTTLED, false);
    }
    assertThat(window.size()).isEqualTo(8);
    assertThat(changes).isEmpty();
  }

  @Test
  void anAttemptWaitsWhileTheWindowIsFullAndTheLowestOffsetGoesFirst() throws Exception {
    Window window = new Window(2, true, listener);
    int first = window.acquire(0);
    int second = window.acquire(100);
    List<Integer> order = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> far = CompletableFuture.runAsync(() -> enter(window, 300, order));
    awaitWaiting(far);
    CompletableFuture<Void> near = CompletableFuture.runAsync(() -> enter(window, 200, order));
    awaitWaiting(near);
    assertThat(order).as("nothing passes a full window").isEmpty();

    window.release(first, Outcome.OK, false);
    near.get(5, TimeUnit.SECONDS);
    assertThat(order).containsExactly(200); // offset 200 waited less but comes first
    assertThat(far).isNotDone();
    window.release(second, Outcome.OK, false);
    far.get(5, TimeUnit.SECONDS);
    assertThat(order).containsExactly(200, 300);
  }

  @Test
  void aRequestToldToWaitKeepsItsPlaceSoNoOtherPageSpendsTheSameRefusal() throws Exception {
    Window window = new Window(2, true, listener);
    int told = window.acquire(0);
    window.release(told, Outcome.THROTTLED, true); // retryAfter: 1 -> waits, keeping its place
    assertThat(window.size()).isEqualTo(1);
    List<Integer> order = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> other = CompletableFuture.runAsync(() -> enter(window, 100, order));
    awaitWaiting(other);
    assertThat(order).as("nothing enters while the told request waits").isEmpty();

    window.release(window.round(), Outcome.OK, false); // its retry came through
    other.get(5, TimeUnit.SECONDS);
    assertThat(order).containsExactly(100);
  }

  @Test
  void aRequestThatGivesUpLeavesItsPlace() throws Exception {
    Window window = new Window(1, true, listener);
    window.release(window.acquire(0), Outcome.THROTTLED, true);
    window.leave(); // e.g. the wait would pass its deadline
    CompletableFuture.runAsync(() -> enter(window, 100, new ArrayList<>()))
        .get(5, TimeUnit.SECONDS);
  }

  private static void enter(Window window, int offset, List<Integer> order) {
    try {
      window.acquire(offset);
      order.add(offset);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Gives a thread time to block in acquire (it must not complete). */
  private static void awaitWaiting(CompletableFuture<Void> attempt) throws Exception {
    try {
      attempt.get(200, TimeUnit.MILLISECONDS);
    } catch (TimeoutException expected) {
      return;
    }
    throw new AssertionError("the attempt passed a full window");
  }
}

package dev.licensewatch.vspc.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive, not random: every property of every licence (and of meta) of the base pages in turn
 * replaced by a value of each JSON type, strict and lenient, plus removed and nulled.
 */
@Order(4)
class WrongTypeEverywhereTest {
  static final AtomicLong BODIES = new AtomicLong();

  @BeforeAll
  static void start() {
    if (FuzzBodiesProperties.harness == null) {
      FuzzBodiesProperties.harness = new FuzzHarness();
    }
  }

  @AfterAll
  static void stop() {
    recordFigures();
  }

  static synchronized void recordFigures() {
    long decodes = FuzzHarness.CASES.get();
    Figures.record(
        "bad input",
        "fuzzed bodies through the real client (jqwik mutations + random + "
            + "exhaustive wrong types), strict and lenient",
        decodes,
        "outcomes " + FuzzHarness.distribution(),
        FuzzHarness.clean() && decodes >= FuzzBodiesProperties.MIN_CASES);
  }

  @Test
  void everyPropertyWithEveryWrongType() {
    List<String> failures = new ArrayList<>();
    for (int b : new int[] {0, 3, 4}) {
      byte[] base = Mutations.BASES.get(b);
      int slots = Mutations.slots(Mutations.parse(base)).size();
      for (int s = 0; s < slots; s++) {
        for (int w = 0; w <= Mutations.WRONG.length + 1; w++) {
          Object tree = Mutations.parse(base);
          Mutations.Slot slot = Mutations.slots(tree).get(s);
          if (w == Mutations.WRONG.length) {
            slot.remove();
          } else if (w == Mutations.WRONG.length + 1) {
            slot.set(null);
          } else {
            Object wrong = Mutations.WRONG[w];
            slot.set(
                wrong instanceof List<?> l
                    ? new ArrayList<>(l)
                    : wrong instanceof Map<?, ?> ? new LinkedHashMap<>() : wrong);
          }
          Mutations.Body body =
              new Mutations.Body(Mutations.bytes(tree), FuzzHarness.JSON, 200, true);
          BODIES.incrementAndGet();
          try {
            FuzzBodiesProperties.check(
                body, base, "wrong-type base " + b + " slot " + s + " value " + w);
          } catch (AssertionError e) {
            failures.add(e.getMessage().lines().findFirst().orElse(""));
          }
        }
      }
    }
    recordFigures();
    System.out.println("[wrong types] bodies " + BODIES.get() + ", failures " + failures.size());
    failures.stream().limit(10).forEach(f -> System.out.println("[wrong types] FAILED " + f));
    org.assertj.core.api.Assertions.assertThat(failures).isEmpty();
  }
}

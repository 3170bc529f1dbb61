package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.client.VspcException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based: mutated and random response bodies through the real client, strict and lenient.
 * The client returns data or a {@link VspcException} subtype, never another exception, never a
 * hang; lenient mode keeps every licence object left intact; unknown properties are accepted in
 * both modes. A failure prints jqwik's seed; rerun with {@code @Property(seed = "...")}.
 */
class FuzzBodiesProperties {
  static FuzzHarness harness;

  @BeforeContainer
  static void start() {
    harness = new FuzzHarness();
  }

  /**
   * The fewest fuzz cases (bodies times modes) the suite promises; these properties alone run
   * 15,400.
   */
  static final long MIN_CASES = 10_000;

  @AfterContainer
  static void stop() {
    harness.close();
    WrongTypeEverywhereTest.recordFigures();
    assertThat(FuzzHarness.CASES.get()).as("fuzz cases run").isGreaterThanOrEqualTo(MIN_CASES);
  }

  /** Runs one body in both modes and checks the invariants; returns nothing on success. */
  static void check(Mutations.Body body, byte[] base, String label) {
    for (boolean strict : new boolean[] {true, false}) {
      FuzzHarness.Outcome outcome =
          harness.run(body.bytes(), body.contentType(), body.status(), strict);
      FuzzHarness.CASES.incrementAndGet();
      String where =
          label
              + (strict ? " strict" : " lenient")
              + " status "
              + body.status()
              + " type "
              + body.contentType()
              + " body["
              + body.bytes().length
              + "] "
              + preview(body.bytes());
      assertThat(outcome.kind())
          .as(where + " -> " + outcome.error())
          .doesNotStartWith("UNEXPECTED")
          .isNotEqualTo("HANG");
      if (body.status() != 200) {
        assertThat(outcome.error()).as(where).isInstanceOf(VspcException.class);
      }
      if (label.startsWith("unknown-properties")) {
        if (!outcome.ok()) {
          FuzzHarness.OUTCOMES
              .computeIfAbsent(
                  "STRICT-REJECTED unknown property",
                  k -> new java.util.concurrent.atomic.AtomicLong())
              .incrementAndGet();
        }
        assertThat(outcome.error()).as(where + ": unknown properties must be ignored").isNull();
      }
      if (!strict && body.wellFormedLicensesKnown() && body.status() == 200) {
        List<String> intact = Mutations.untouchedLicenses(base, body.bytes());
        if (!intact.isEmpty()) {
          Set<String> got =
              outcome.licenses().stream()
                  .map(l -> String.valueOf(l.backupServerUid()))
                  .collect(Collectors.toSet());
          boolean kept = outcome.ok() && got.containsAll(intact);
          if (!kept) {
            FuzzHarness.OUTCOMES
                .computeIfAbsent(
                    "LENIENT-DROPPED well-formed licences",
                    k -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
          }
          assertThat(kept)
              .as(
                  where
                      + ": lenient dropped well-formed licences "
                      + intact
                      + " -> "
                      + outcome.error())
              .isTrue();
        }
      }
    }
  }

  static String preview(byte[] b) {
    String s = new String(b, 0, Math.min(b.length, 160), StandardCharsets.UTF_8);
    return s.replaceAll("\\s+", " ");
  }

  @Property(tries = 5100)
  void mutatedPagesGiveDataOrTypedErrors(
      @ForAll @IntRange(min = 0, max = 16) int kind,
      @ForAll @IntRange(min = 0, max = 4) int base,
      @ForAll long seed) {
    String name = Mutations.KINDS[kind];
    byte[] page = Mutations.BASES.get(base);
    Mutations.Body body = Mutations.mutate(page, name, seed);
    check(body, page, name + " base " + base + " seed " + seed);
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[],:\"0123456789.-eEtrufalsn \\/u").ofMaxLength(300),
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings()
            .withChars("{}[],:\"0123456789.-eEtrufalsn \\/u")
            .ofMaxLength(40)
            .map(
                s ->
                    "{\"meta\":{\"pagingInfo\":{\"total\":3,\"count\":1,\"offset\":0}},\"data\":["
                        + s
                        + "]}"),
        Arbitraries.strings()
            .withChars("{}[],:\"0123456789.-eEtrufalsn \\/u")
            .ofMaxLength(40)
            .map(s -> "{\"data\":[{\"backupServerUid\":" + s + "}]}"));
  }

  @Property(tries = 2600)
  void randomBodiesGiveDataOrTypedErrors(
      @ForAll("jsonish") String text,
      @ForAll @Size(max = 600) byte[] bytes,
      @ForAll boolean useBytes) {
    byte[] b = useBytes ? bytes : text.getBytes(StandardCharsets.UTF_8);
    check(
        new Mutations.Body(b, FuzzHarness.JSON, 200, false),
        b,
        useBytes ? "random-bytes" : "jsonish");
  }
}

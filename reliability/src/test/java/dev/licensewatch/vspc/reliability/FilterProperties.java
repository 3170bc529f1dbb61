package dev.licensewatch.vspc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.Filter;
import dev.licensewatch.vspc.client.LicenseQuery;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;

/**
 * Property-based, differential: for any filter (random operations on every kind of property, values
 * taken from the data and made up, nested in and/or/not/exclusiveOr), the licences the emulator
 * returns for the server-side filter, walked page by page through the real client, are exactly
 * those a plain Java predicate keeps from the full walk, in the same order. The dataset has older
 * servers' lowercase enums, newer servers' unknown values, nulls and absent properties.
 */
class FilterProperties {
  static VspcEmulator vspc;
  static VspcLicensingClient client;
  static List<BackupServerLicense> all;
  static final AtomicLong FILTERS = new AtomicLong();
  static final AtomicLong KEPT = new AtomicLong();

  /** Cleared by any try whose result differs from local filtering, or that fails. */
  static final AtomicBoolean EVERY_RESULT_EQUAL = new AtomicBoolean(true);

  @BeforeContainer
  static void start() {
    vspc =
        VspcEmulator.builder()
            .licenses(420)
            .seed(97)
            .today(LocalDate.of(2026, 6, 1))
            .enumCasing(dev.licensewatch.vspc.emulator.EnumCasing.LOWER_CASE)
            .unknownEnumShare(0.1)
            .token(Secrets.TOKEN)
            .start();
    client = Support.client(vspc.baseUrl()).pageSize(50).concurrency(3).build();
    try (Stream<BackupServerLicense> licenses = client.stream()) {
      all = licenses.toList();
    }
    assertThat(all).hasSize(420);
  }

  @AfterContainer
  static void stop() {
    client.close();
    vspc.close();
    Figures.record(
        "filter, sort, select",
        "server-side filters equal to local filtering of the full walk",
        FILTERS.get(),
        KEPT.get()
            + " licences kept in all; "
            + (EVERY_RESULT_EQUAL.get() ? "every result equal" : "a result differed or failed"),
        EVERY_RESULT_EQUAL.get());
  }

  /** A filter, and the same thing said as a Java predicate. */
  record Case(Filter filter, Predicate<BackupServerLicense> test, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  @Property(tries = 250)
  void theServerKeepsWhatTheFilterSays(@ForAll("filters") Case c) {
    boolean equal = false;
    try {
      List<BackupServerLicense> server;
      try (Stream<BackupServerLicense> licenses =
          client.stream(LicenseQuery.all().where(c.filter()))) {
        server = licenses.toList();
      }
      List<BackupServerLicense> local = all.stream().filter(c.test()).toList();
      equal = server.equals(local);
      assertThat(server).as(c.filter().toString()).containsExactlyElementsOf(local);
      FILTERS.incrementAndGet();
      KEPT.addAndGet(server.size());
    } finally {
      if (!equal) {
        EVERY_RESULT_EQUAL.set(false);
      }
    }
  }

  @Provide
  Arbitrary<Case> filters() {
    return Arbitraries.lazyOf(this::leaf, this::leaf, this::leaf, () -> group(filters()));
  }

  /** One to three cases joined by {@code and} ({@code all}) or {@code or}. */
  private static Arbitrary<Case> junction(
      Arbitrary<Case> items, String name, Function<List<Filter>, Filter> join, boolean all) {
    return items
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(
            list ->
                new Case(
                    join.apply(list.stream().map(Case::filter).toList()),
                    l ->
                        all
                            ? list.stream().allMatch(i -> i.test().test(l))
                            : list.stream().anyMatch(i -> i.test().test(l)),
                    name + list));
  }

  private Arbitrary<Case> group(Arbitrary<Case> items) {
    return Arbitraries.oneOf(
        junction(items, "and", Filter::and, true),
        junction(items, "or", Filter::or, false),
        items.map(i -> new Case(Filter.not(i.filter()), l -> !i.test().test(l), "not(" + i + ")")),
        items
            .list()
            .ofSize(2)
            .map(
                list ->
                    new Case(
                        Filter.exclusiveOr(list.get(0).filter(), list.get(1).filter()),
                        l -> list.get(0).test().test(l) ^ list.get(1).test().test(l),
                        "xor" + list)));
  }

  private Arbitrary<Case> leaf() {
    return Arbitraries.oneOf(
        text("company", BackupServerLicense::company),
        text("edition", BackupServerLicense::edition),
        enumeration("status", l -> l.status() == null ? null : l.status().value()),
        enumeration("type", l -> l.type() == null ? null : l.type().value()),
        enumeration(
            "cloudConnect", l -> l.cloudConnect() == null ? null : l.cloudConnect().value()),
        date("expirationDate", BackupServerLicense::expirationDate),
        date("supportExpirationDate", BackupServerLicense::supportExpirationDate),
        number("units", BackupServerLicense::units),
        number("usedUnits", BackupServerLicense::usedUnits),
        number("sockets", BackupServerLicense::sockets),
        bool("autoUpdateEnabled", BackupServerLicense::autoUpdateEnabled),
        bool("monitoring", BackupServerLicense::monitoring),
        list(
            "packages",
            l -> l.packages() == null ? null : l.packages().stream().map(p -> p.value()).toList()),
        list(
            "sectionTypes",
            l ->
                l.sectionTypes() == null
                    ? null
                    : l.sectionTypes().stream().map(p -> p.value()).toList()));
  }

  /** Values of a property found in the data, and a few made up. */
  private static <T> Arbitrary<T> values(
      Function<BackupServerLicense, @Nullable T> get, Arbitrary<T> madeUp) {
    List<T> present = all.stream().map(get).filter(Objects::nonNull).distinct().toList();
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(present)), net.jqwik.api.Tuple.of(1, madeUp));
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  private Arbitrary<Case> text(String name, Function<BackupServerLicense, @Nullable String> get) {
    Arbitrary<String> value =
        values(get, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3));
    Arbitrary<Boolean> ignoreCase = Arbitraries.of(true, false);
    return net.jqwik.api.Combinators.combine(
            value, ignoreCase, Arbitraries.integers().between(0, 5))
        .as(
            (v, ic, op) -> {
              Filter.Property p =
                  ic ? Filter.property(name).ignoringCase() : Filter.property(name).caseSensitive();
              Function<String, String> norm = ic ? FilterProperties::upper : s -> s;
              String w = norm.apply(v);
              return switch (op) {
                case 0 ->
                    new Case(
                        p.isEqualTo(v),
                        l -> get.apply(l) != null && norm.apply(get.apply(l)).equals(w),
                        name + "=" + v + ic);
                case 1 ->
                    new Case(
                        p.isNotEqualTo(v),
                        l -> get.apply(l) == null || !norm.apply(get.apply(l)).equals(w),
                        name + "!=" + v + ic);
                case 2 ->
                    new Case(
                        p.lessThan(v),
                        l -> get.apply(l) != null && norm.apply(get.apply(l)).compareTo(w) < 0,
                        name + "<" + v + ic);
                case 3 ->
                    new Case(
                        p.greaterThanOrEqualTo(v),
                        l -> get.apply(l) != null && norm.apply(get.apply(l)).compareTo(w) >= 0,
                        name + ">=" + v + ic);
                case 4 ->
                    new Case(
                        p.contains(v.substring(0, Math.min(3, v.length()))),
                        l ->
                            get.apply(l) != null
                                && norm.apply(get.apply(l))
                                    .contains(norm.apply(v.substring(0, Math.min(3, v.length())))),
                        name + "~" + v + ic);
                default ->
                    new Case(
                        p.in(v, "zz"),
                        l ->
                            get.apply(l) != null
                                && (norm.apply(get.apply(l)).equals(w)
                                    || norm.apply(get.apply(l)).equals(norm.apply("zz"))),
                        name + " in " + v + ic);
              };
            });
  }

  /** Enumerations: the client compares them ignoring case, so older servers' spelling matches. */
  private Arbitrary<Case> enumeration(
      String name, Function<BackupServerLicense, @Nullable String> get) {
    Arbitrary<String> value = values(get, Arbitraries.of("Suspended", "valid", "EXPIRED", "Nope"));
    return net.jqwik.api.Combinators.combine(value, value, Arbitraries.integers().between(0, 2))
        .as(
            (v, w, op) ->
                switch (op) {
                  case 0 ->
                      new Case(
                          Filter.property(name).isEqualTo(v),
                          l -> get.apply(l) != null && get.apply(l).equalsIgnoreCase(v),
                          name + "=" + v);
                  case 1 ->
                      new Case(
                          Filter.property(name).isNotEqualTo(v),
                          l -> get.apply(l) == null || !get.apply(l).equalsIgnoreCase(v),
                          name + "!=" + v);
                  default ->
                      new Case(
                          Filter.property(name).in(v, w),
                          l ->
                              get.apply(l) != null
                                  && (get.apply(l).equalsIgnoreCase(v)
                                      || get.apply(l).equalsIgnoreCase(w)),
                          name + " in " + v + "," + w);
                });
  }

  private Arbitrary<Case> date(
      String name, Function<BackupServerLicense, @Nullable OffsetDateTime> get) {
    Arbitrary<OffsetDateTime> value =
        values(
            get,
            Arbitraries.integers()
                .between(-400, 1200)
                .map(days -> OffsetDateTime.parse("2026-06-01T12:00:00+02:00").plusDays(days)));
    return net.jqwik.api.Combinators.combine(value, Arbitraries.integers().between(0, 5))
        .as(
            (v, op) ->
                switch (op) {
                  case 0 ->
                      new Case(
                          Filter.property(name).lessThan(v),
                          l ->
                              get.apply(l) != null
                                  && get.apply(l).toInstant().isBefore(v.toInstant()),
                          name + "<" + v);
                  case 1 ->
                      new Case(
                          Filter.property(name).lessThanOrEqualTo(v.toInstant()),
                          l ->
                              get.apply(l) != null
                                  && !get.apply(l).toInstant().isAfter(v.toInstant()),
                          name + "<=" + v);
                  case 2 ->
                      new Case(
                          Filter.property(name).greaterThan(v),
                          l ->
                              get.apply(l) != null
                                  && get.apply(l).toInstant().isAfter(v.toInstant()),
                          name + ">" + v);
                  case 3 ->
                      new Case(
                          Filter.property(name).isEqualTo(v),
                          l ->
                              get.apply(l) != null
                                  && get.apply(l).toInstant().equals(v.toInstant()),
                          name + "=" + v);
                  case 4 ->
                      new Case(
                          Filter.property(name).isNull(),
                          l -> get.apply(l) == null,
                          name + " null");
                  default ->
                      new Case(
                          Filter.property(name).isNotNull(),
                          l -> get.apply(l) != null,
                          name + " not null");
                });
  }

  private Arbitrary<Case> number(String name, Function<BackupServerLicense, @Nullable Double> get) {
    Arbitrary<Double> value = values(get, Arbitraries.of(0.0, 1.5, 99.5, 1000.0, -1.0));
    return net.jqwik.api.Combinators.combine(value, Arbitraries.integers().between(0, 3))
        .as(
            (v, op) ->
                switch (op) {
                  case 0 ->
                      new Case(
                          Filter.property(name).greaterThan(v),
                          l -> get.apply(l) != null && get.apply(l) > v,
                          name + ">" + v);
                  case 1 ->
                      new Case(
                          Filter.property(name).lessThanOrEqualTo(v),
                          l -> get.apply(l) != null && get.apply(l) <= v,
                          name + "<=" + v);
                  case 2 ->
                      new Case(
                          Filter.property(name).isEqualTo(v),
                          l -> get.apply(l) != null && get.apply(l).doubleValue() == v,
                          name + "=" + v);
                  default ->
                      new Case(
                          Filter.property(name).isNotEqualTo(v),
                          l -> get.apply(l) == null || get.apply(l).doubleValue() != v,
                          name + "!=" + v);
                });
  }

  private Arbitrary<Case> bool(String name, Function<BackupServerLicense, @Nullable Boolean> get) {
    return Arbitraries.integers()
        .between(0, 2)
        .map(
            op ->
                switch (op) {
                  case 0 ->
                      new Case(
                          Filter.property(name).isEqualTo(true),
                          l -> Boolean.TRUE.equals(get.apply(l)),
                          name + "=true");
                  case 1 ->
                      new Case(
                          Filter.property(name).isNotEqualTo(true),
                          l -> !Boolean.TRUE.equals(get.apply(l)),
                          name + "!=true");
                  default ->
                      new Case(
                          Filter.property(name).isNull(),
                          l -> get.apply(l) == null,
                          name + " null");
                });
  }

  /** Lists of enumeration values, compared ignoring case. */
  private Arbitrary<Case> list(
      String name, Function<BackupServerLicense, @Nullable List<String>> get) {
    List<String> known =
        all.stream().map(get).filter(Objects::nonNull).flatMap(List::stream).distinct().toList();
    Arbitrary<List<String>> values =
        Arbitraries.of(new ArrayList<>(known)).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    return net.jqwik.api.Combinators.combine(values, Arbitraries.integers().between(0, 3))
        .as(
            (v, op) -> {
              Predicate<String> among = e -> v.stream().anyMatch(e::equalsIgnoreCase);
              Filter.Property p = Filter.property(name);
              return switch (op) {
                case 0 ->
                    new Case(
                        p.contains(v.get(0)),
                        l ->
                            get.apply(l) != null
                                && get.apply(l).stream()
                                    .anyMatch(e -> e.equalsIgnoreCase(v.get(0))),
                        name + "~" + v.get(0));
                case 1 ->
                    new Case(
                        p.in(v.toArray()),
                        l -> get.apply(l) != null && get.apply(l).stream().anyMatch(among),
                        name + " in " + v);
                case 2 ->
                    new Case(
                        p.isSubsetOf(v.toArray()),
                        l -> get.apply(l) != null && get.apply(l).stream().allMatch(among),
                        name + " subset " + v);
                default ->
                    new Case(
                        p.isSupersetOf(v.toArray()),
                        l ->
                            get.apply(l) != null
                                && v.stream()
                                    .allMatch(
                                        x -> get.apply(l).stream().anyMatch(x::equalsIgnoreCase)),
                        name + " superset " + v);
              };
            });
  }
}

package dev.licensewatch.vspc.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Which licences requests get which fault. Immutable and deterministic: the fault of a request
 * depends only on its number (1-based, counted from when the plan was installed), never on timing,
 * so concurrent clients see the same faults run after run.
 *
 * <p>Spec syntax, as parsed by {@link #parse(String)}:
 *
 * <pre>
 * none                                     no faults (also the empty string)
 * 429@2,reset@5,520@7                      a fault at the 2nd, 5th and 7th licences request
 * 429:30@2                                 with an argument (here Retry-After: 30)
 * 503@3-5                                  requests 3, 4 and 5
 * 429both:25@*                             every request
 * random:seed=42,rate=0.2,kinds=429|503|520|reset
 *                                          each request gets a fault with probability rate,
 *                                          the kind drawn uniformly from kinds (kind[:arg])
 * </pre>
 *
 * Kinds are the {@link FaultKind#token() tokens}: {@code 429 429body 429both 503 520 reset truncate
 * slow drip huge huge-chunked hang delay}.
 */
public final class FaultPlan {

  /** One fault: a kind and its argument (seconds or milliseconds, see {@link FaultKind}). */
  public record Fault(FaultKind kind, int argument) {
    public Fault {
      Objects.requireNonNull(kind, "kind");
      if (argument < 0) {
        throw new IllegalArgumentException("fault argument must be >= 0: " + argument);
      }
    }

    public static Fault of(FaultKind kind) {
      return new Fault(kind, kind.defaultArgument());
    }

    @Override
    public String toString() {
      return argument == kind.defaultArgument() ? kind.token() : kind.token() + ":" + argument;
    }
  }

  private record Rule(long from, long to, Fault fault) {
    boolean covers(long n) {
      return n >= from && n <= to;
    }

    @Override
    public String toString() {
      String target =
          from == 1 && to == Long.MAX_VALUE
              ? "*"
              : from == to ? Long.toString(from) : from + "-" + to;
      return fault + "@" + target;
    }
  }

  private static final FaultPlan NONE = new FaultPlan(List.of(), 0, 0, List.of());

  private final List<Rule> rules;
  private final long randomSeed;
  private final double randomRate;
  private final List<Fault> randomKinds;

  private FaultPlan(List<Rule> rules, long randomSeed, double randomRate, List<Fault> kinds) {
    this.rules = List.copyOf(rules);
    this.randomSeed = randomSeed;
    this.randomRate = randomRate;
    this.randomKinds = List.copyOf(kinds);
  }

  public static FaultPlan none() {
    return NONE;
  }

  /** The given fault at every licences request. */
  public static FaultPlan always(FaultKind kind, int argument) {
    return new FaultPlan(
        List.of(new Rule(1, Long.MAX_VALUE, new Fault(kind, argument))), 0, 0, List.of());
  }

  /** Each request gets a fault with probability {@code rate}, the kind drawn from {@code kinds}. */
  public static FaultPlan random(long seed, double rate, List<Fault> kinds) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be within 0..1: " + rate);
    }
    if (kinds.isEmpty() && rate > 0) {
      throw new IllegalArgumentException("random faults need at least one kind");
    }
    return new FaultPlan(List.of(), seed, rate, kinds);
  }

  public boolean isNone() {
    return rules.isEmpty() && (randomRate == 0 || randomKinds.isEmpty());
  }

  /** The fault for the {@code n}-th (1-based) licences request, or null for a normal answer. */
  @Nullable Fault faultFor(long n) {
    for (Rule rule : rules) {
      if (rule.covers(n)) {
        return rule.fault();
      }
    }
    if (randomRate > 0 && !randomKinds.isEmpty()) {
      // A generator per request number keeps the draw independent of arrival order.
      SplittableRandom r = new SplittableRandom(randomSeed * 0x9E3779B97F4A7C15L + n);
      if (r.nextDouble() < randomRate) {
        return randomKinds.get(r.nextInt(randomKinds.size()));
      }
    }
    return null;
  }

  /** Parses a fault spec; see the class documentation for the syntax. */
  public static FaultPlan parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty() || s.equalsIgnoreCase("none")) {
      return NONE;
    }
    if (s.toLowerCase(Locale.ROOT).startsWith("random:")) {
      return parseRandom(spec, s.substring("random:".length()));
    }
    List<Rule> rules = new ArrayList<>();
    for (String item : s.split(",")) {
      String it = item.trim();
      int at = it.lastIndexOf('@');
      if (at <= 0 || at == it.length() - 1) {
        throw bad(spec, "'" + it + "' must look like kind@n, kind@n-m or kind@*");
      }
      Fault fault = parseFault(spec, it.substring(0, at));
      String target = it.substring(at + 1).trim();
      long from;
      long to;
      try {
        if (target.equals("*")) {
          from = 1;
          to = Long.MAX_VALUE;
        } else if (target.contains("-")) {
          int dash = target.indexOf('-');
          from = Long.parseLong(target.substring(0, dash).trim());
          to = Long.parseLong(target.substring(dash + 1).trim());
        } else {
          from = Long.parseLong(target);
          to = from;
        }
      } catch (NumberFormatException e) {
        throw bad(spec, "'" + target + "' is not a request number, range or *");
      }
      if (from < 1 || to < from) {
        throw bad(spec, "request numbers are 1-based and ranges ascending: '" + target + "'");
      }
      rules.add(new Rule(from, to, fault));
    }
    return new FaultPlan(rules, 0, 0, List.of());
  }

  private static FaultPlan parseRandom(String spec, String body) {
    long seed = 0;
    double rate = Double.NaN;
    List<Fault> kinds = new ArrayList<>();
    for (String part : body.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw bad(spec, "'" + p + "' must be key=value (seed, rate, kinds)");
      }
      String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).trim();
      try {
        switch (key) {
          case "seed" -> seed = Long.parseLong(value);
          case "rate" -> rate = Double.parseDouble(value);
          case "kinds" -> {
            for (String k : value.split("\\|")) {
              kinds.add(parseFault(spec, k));
            }
          }
          default -> throw bad(spec, "unknown key '" + key + "' (seed, rate, kinds)");
        }
      } catch (NumberFormatException e) {
        throw bad(spec, "'" + value + "' is not a number for " + key);
      }
    }
    if (Double.isNaN(rate)) {
      throw bad(spec, "random faults need rate=0..1");
    }
    if (kinds.isEmpty()) {
      for (FaultKind k :
          List.of(
              FaultKind.THROTTLE, FaultKind.UNAVAILABLE, FaultKind.SERVER_ERROR, FaultKind.RESET)) {
        kinds.add(Fault.of(k));
      }
    }
    try {
      return random(seed, rate, kinds);
    } catch (IllegalArgumentException e) {
      throw bad(spec, e.getMessage());
    }
  }

  private static Fault parseFault(String spec, String text) {
    String t = text.trim();
    int colon = t.indexOf(':');
    try {
      FaultKind kind = FaultKind.fromToken(colon < 0 ? t : t.substring(0, colon));
      return colon < 0
          ? Fault.of(kind)
          : new Fault(kind, Integer.parseInt(t.substring(colon + 1).trim()));
    } catch (NumberFormatException e) {
      throw bad(spec, "'" + t + "' has a non-numeric argument");
    } catch (IllegalArgumentException e) {
      throw bad(spec, e.getMessage());
    }
  }

  private static IllegalArgumentException bad(String spec, @Nullable String why) {
    return new IllegalArgumentException("Invalid fault spec '" + spec + "': " + why);
  }

  /** The spec string of this plan; {@code parse(plan.toString())} gives an equal plan. */
  @Override
  public String toString() {
    if (isNone()) {
      return "none";
    }
    if (!rules.isEmpty()) {
      return String.join(",", rules.stream().map(Rule::toString).toList());
    }
    return "random:seed="
        + randomSeed
        + ",rate="
        + randomRate
        + ",kinds="
        + String.join("|", randomKinds.stream().map(Fault::toString).toList());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FaultPlan p && p.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}

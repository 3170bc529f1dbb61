package dev.licensewatch.vspc.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * VSPC's request throttling, as its REST API documents it: a request is served only while it fits
 * both a limit of requests processed simultaneously and a limit of requests per time period;
 * otherwise the answer is 429 with the error envelope (type {@code transport}). Only the per-period
 * limit says when to come back: {@code retryAfter} in the error item, the whole seconds until the
 * next period begins ({@link RetryAfter#BODY}, the default; VSPC says it "may" send it, so it can
 * also be left out, or sent as a {@code Retry-After} header instead or as well).
 *
 * <p>The emulator counts every licences request together (VSPC groups by user, address, or both:
 * one client from one address is that case). A throttled request is answered at once and is not a
 * licences request for {@link FaultPlan} and {@link DriftPlan} numbers. Immutable.
 *
 * <pre>
 * none                                     no limits (also the empty string)
 * simultaneous=2                           a 3rd request while 2 are processed gets 429
 * per-period=10/1s                         the 11th request within a second gets 429
 * simultaneous=4,per-period=100/10s,retry-after=none
 * </pre>
 *
 * {@code retry-after} is {@code body} (default), {@code header}, {@code both} or {@code none};
 * periods are {@code 500ms}, {@code 1s}, {@code 2m}.
 */
public final class Throttling {

  /** Where a per-period 429 says when the next period begins. */
  public enum RetryAfter {
    BODY,
    HEADER,
    BOTH,
    NONE
  }

  private static final Throttling NONE = new Throttling(0, 0, Duration.ZERO, RetryAfter.BODY);

  private final int simultaneous;
  private final int perPeriod;
  private final Duration period;
  private final RetryAfter retryAfter;

  private Throttling(int simultaneous, int perPeriod, Duration period, RetryAfter retryAfter) {
    this.simultaneous = simultaneous;
    this.perPeriod = perPeriod;
    this.period = period;
    this.retryAfter = retryAfter;
  }

  public static Throttling none() {
    return NONE;
  }

  /** At most {@code max} licences requests processed at once (429 without retryAfter). */
  public static Throttling simultaneous(int max) {
    return NONE.withSimultaneous(max);
  }

  /** At most {@code requests} licences requests per {@code period} (429 with retryAfter). */
  public static Throttling perPeriod(int requests, Duration period) {
    return NONE.withPerPeriod(requests, period);
  }

  public Throttling withSimultaneous(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("simultaneous must be >= 1: " + max);
    }
    return new Throttling(max, perPeriod, period, retryAfter);
  }

  public Throttling withPerPeriod(int requests, Duration period) {
    Objects.requireNonNull(period, "period");
    if (requests < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          "per-period needs requests >= 1 and a positive period: " + requests + "/" + period);
    }
    return new Throttling(simultaneous, requests, period, retryAfter);
  }

  public Throttling withRetryAfter(RetryAfter where) {
    return new Throttling(simultaneous, perPeriod, period, Objects.requireNonNull(where, "where"));
  }

  /** The simultaneous limit, 0 for none. */
  public int simultaneous() {
    return simultaneous;
  }

  /** Requests allowed per {@link #period()}, 0 for no such limit. */
  public int perPeriod() {
    return perPeriod;
  }

  public Duration period() {
    return period;
  }

  public RetryAfter retryAfter() {
    return retryAfter;
  }

  public boolean isNone() {
    return simultaneous == 0 && perPeriod == 0;
  }

  /** Parses a throttling spec; see the class documentation for the syntax. */
  public static Throttling parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty() || s.equalsIgnoreCase("none")) {
      return NONE;
    }
    Throttling t = NONE;
    for (String part : s.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw bad(spec, "'" + p + "' must be key=value (simultaneous, per-period, retry-after)");
      }
      String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).trim();
      try {
        t =
            switch (key) {
              case "simultaneous" -> t.withSimultaneous(Integer.parseInt(value));
              case "per-period" -> {
                int slash = value.indexOf('/');
                if (slash <= 0) {
                  throw bad(spec, "per-period must look like 10/1s");
                }
                yield t.withPerPeriod(
                    Integer.parseInt(value.substring(0, slash).trim()),
                    duration(spec, value.substring(slash + 1).trim()));
              }
              case "retry-after" -> t.withRetryAfter(retryAfter(spec, value));
              default ->
                  throw bad(
                      spec, "unknown key '" + key + "' (simultaneous, per-period, retry-after)");
            };
      } catch (NumberFormatException e) {
        throw bad(spec, "'" + value + "' is not a number for " + key);
      } catch (IllegalArgumentException e) {
        throw e.getMessage() != null && e.getMessage().startsWith("Invalid throttling spec")
            ? e
            : bad(spec, e.getMessage());
      }
    }
    return t;
  }

  private static Duration duration(String spec, String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
    }
    if (t.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
    }
    throw bad(spec, "'" + text + "' needs a unit: ms, s or m");
  }

  private static RetryAfter retryAfter(String spec, String text) {
    for (RetryAfter r : RetryAfter.values()) {
      if (r.name().equalsIgnoreCase(text)) {
        return r;
      }
    }
    throw bad(spec, "retry-after is body, header, both or none, not '" + text + "'");
  }

  private static IllegalArgumentException bad(String spec, @Nullable String why) {
    return new IllegalArgumentException("Invalid throttling spec '" + spec + "': " + why);
  }

  /** The spec string; {@code parse(t.toString())} gives an equal value. */
  @Override
  public String toString() {
    if (isNone()) {
      return "none";
    }
    StringBuilder s = new StringBuilder();
    if (simultaneous > 0) {
      s.append("simultaneous=").append(simultaneous);
    }
    if (perPeriod > 0) {
      s.append(s.length() > 0 ? "," : "")
          .append("per-period=")
          .append(perPeriod)
          .append('/')
          .append(
              period.toMillis() % 1000 == 0 ? period.toSeconds() + "s" : period.toMillis() + "ms");
    }
    if (retryAfter != RetryAfter.BODY) {
      s.append(",retry-after=").append(retryAfter.name().toLowerCase(Locale.ROOT));
    }
    return s.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Throttling t && t.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}

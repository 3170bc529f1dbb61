package dev.licensewatch.vspc.emulator;

/**
 * A change of the collection while a client pages through it: after the {@code afterRequest}-th
 * licences request (counted from when the drift was set), {@code delta} licences are added ({@code
 * delta > 0}) or removed ({@code delta < 0}) at the <em>front</em> of the collection, so an
 * offset-paging client sees duplicates or misses licences, and {@code total} changes.
 *
 * <p>A plan for the server, not to be confused with the client's {@code Drift}, which reports what
 * a walk saw change.
 */
public record DriftPlan(int afterRequest, int delta) {

  public DriftPlan {
    if (afterRequest < 0) {
      throw new IllegalArgumentException("afterRequest must be >= 0: " + afterRequest);
    }
  }

  public static DriftPlan none() {
    return new DriftPlan(0, 0);
  }

  /** Adds {@code count} licences once {@code afterRequest} licences requests have been served. */
  public static DriftPlan add(int afterRequest, int count) {
    return new DriftPlan(afterRequest, Math.abs(count));
  }

  /** Removes {@code count} licences once {@code afterRequest} licences requests were served. */
  public static DriftPlan remove(int afterRequest, int count) {
    return new DriftPlan(afterRequest, -Math.abs(count));
  }

  public boolean isNone() {
    return delta == 0;
  }

  /** Parses {@code +M@K} (add M after request K), {@code -M@K} (remove), or {@code none}. */
  public static DriftPlan parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty() || s.equalsIgnoreCase("none")) {
      return none();
    }
    int at = s.indexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException("Drift spec must look like +M@K or -M@K: " + spec);
    }
    try {
      int delta = Integer.parseInt(s.substring(0, at).trim());
      int after = Integer.parseInt(s.substring(at + 1).trim());
      return new DriftPlan(after, delta);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Drift spec must look like +M@K or -M@K: " + spec, e);
    }
  }

  @Override
  public String toString() {
    return isNone() ? "none" : (delta > 0 ? "+" : "") + delta + "@" + afterRequest;
  }
}

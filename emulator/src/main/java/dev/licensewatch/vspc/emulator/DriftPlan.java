package dev.licensewatch.vspc.emulator;

/**
 * A change of the collection while a client pages through it: after the {@code afterRequest}-th
 * licences request (counted from when the drift was set), {@code delta} licences are added
 * ({@code delta > 0}) or removed ({@code delta < 0}) at the <em>front</em> of the collection, so
 * an offset-paging client sees duplicates or misses licences, and {@code total} changes.
 */
public record Drift(int afterRequest, int delta) {

  public Drift {
    if (afterRequest < 0) {
      throw new IllegalArgumentException("afterRequest must be >= 0: " + afterRequest);
    }
  }

  public static Drift none() {
    return new Drift(0, 0);
  }

  /** Adds {@code count} licences once {@code afterRequest} licences requests have been served. */
  public static Drift add(int afterRequest, int count) {
    return new Drift(afterRequest, Math.abs(count));
  }

  /** Removes {@code count} licences once {@code afterRequest} licences requests were served. */
  public static Drift remove(int afterRequest, int count) {
    return new Drift(afterRequest, -Math.abs(count));
  }

  public boolean isNone() {
    return delta == 0;
  }

  /**
   * Parses {@code +M@K} (add M after request K), {@code -M@K} (remove), or {@code none}.
   */
  public static Drift parse(String spec) {
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
      return new Drift(after, delta);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Drift spec must look like +M@K or -M@K: " + spec, e);
    }
  }

  @Override
  public String toString() {
    return isNone() ? "none" : (delta > 0 ? "+" : "") + delta + "@" + afterRequest;
  }
}

package dev.licensewatch.vspc.release;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version, {@code MAJOR.MINOR.PATCH} with an optional {@code -SNAPSHOT}: the only scheme
 * this project uses (semantic versioning). A snapshot sorts before its release.
 */
record Version(int major, int minor, int patch, boolean snapshot) implements Comparable<Version> {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-SNAPSHOT)?");
  private static final Comparator<Version> ORDER =
      Comparator.comparingInt(Version::major)
          .thenComparingInt(Version::minor)
          .thenComparingInt(Version::patch)
          .thenComparing(v -> !v.snapshot());

  static Version parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a version of the form MAJOR.MINOR.PATCH[-SNAPSHOT]: '" + text + "'");
    }
    return new Version(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        m.group(4) != null);
  }

  static boolean isVersion(String text) {
    return FORM.matcher(text).matches();
  }

  /** The version this snapshot becomes when released (itself for a release). */
  Version release() {
    return new Version(major, minor, patch, false);
  }

  @Override
  public int compareTo(Version other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (snapshot ? "-SNAPSHOT" : "");
  }
}

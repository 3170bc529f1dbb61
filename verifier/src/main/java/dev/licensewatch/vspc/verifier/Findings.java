package dev.licensewatch.vspc.verifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one check finds, grouped: the same message at the same place in different licences is one
 * finding with a count, so a server that adds an enum value to 10,000 licences yields one line, not
 * 10,000. Thread-safe.
 */
final class Findings {
  /** Distinct findings kept per check; more are counted in a final note. */
  static final int MAX_DISTINCT = 200;

  /** Quoted values in a message (Pact's and the validator's quote what was sent). */
  private static final java.util.regex.Pattern QUOTED =
      java.util.regex.Pattern.compile("'[^']*'|\"[^\"]*\"");

  private record Key(Finding.Severity severity, String message, @Nullable String place) {}

  private final Map<Key, Finding> groups = new LinkedHashMap<>();
  private int leftOut;

  synchronized void add(Finding finding) {
    String place = finding.path() == null ? null : JsonPaths.pattern(finding.path());
    Key key =
        new Key(finding.severity(), QUOTED.matcher(finding.message()).replaceAll("'…'"), place);
    Finding first = groups.get(key);
    if (first != null) {
      groups.put(key, first.times(first.occurrences() + finding.occurrences()));
    } else if (groups.size() < MAX_DISTINCT) {
      groups.put(key, finding);
    } else {
      leftOut++;
    }
  }

  synchronized void addAll(List<Finding> findings) {
    findings.forEach(this::add);
  }

  synchronized boolean isEmpty() {
    return groups.isEmpty();
  }

  /** Breaks first, then errors, additions and notes, each in the order found. */
  synchronized List<Finding> list() {
    List<Finding> all = new ArrayList<>(groups.values());
    all.sort(Comparator.comparing(Finding::severity));
    if (leftOut > 0) {
      all.add(Finding.of(Finding.Severity.NOTE, leftOut + " more distinct findings left out"));
    }
    return all;
  }

  /** A check with these findings. */
  Check check(String id, String group, String title, String detail, java.time.Duration time) {
    List<Finding> all = list();
    return new Check(
        id, group, title, Check.statusOf(all), Objects.requireNonNull(detail), all, time);
  }
}

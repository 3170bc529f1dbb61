package dev.licensewatch.vspc.release;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client's public API against the recorded lists: the released one (a line gone breaks code
 * compiled against that release, which fails unless the major version changes) and the current one,
 * kept in the repository so that every addition is a reviewed change.
 *
 * @param released the version of the released list compared with
 * @param current the version being built
 * @param removed lines of the released API that the built jar no longer has
 * @param unrecorded lines of the built jar missing from the current list
 * @param stale lines of the current list that the built jar no longer has
 */
record ApiGate(
    Version released,
    Version current,
    List<String> removed,
    List<String> unrecorded,
    List<String> stale) {

  static ApiGate check(
      Version released,
      List<String> releasedApi,
      Version current,
      List<String> recordedApi,
      List<String> builtApi) {
    return new ApiGate(
        released,
        current,
        minus(releasedApi, builtApi),
        minus(builtApi, recordedApi),
        minus(recordedApi, builtApi));
  }

  private static List<String> minus(List<String> a, List<String> b) {
    Set<String> rest = new LinkedHashSet<>(a);
    b.forEach(rest::remove);
    return List.copyOf(rest);
  }

  /** What fails the build; empty when the API may be released as {@link #current}. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!removed.isEmpty() && current.major() == released.major()) {
      problems.add(
          "The client's public API breaks code compiled against the released "
              + released
              + " and "
              + current
              + " keeps its major version. Removed or changed:\n"
              + lines(removed)
              + "\nUndo the change, or make it a new major version (set the project "
              + "version to "
              + (released.major() + 1)
              + ".0.0-SNAPSHOT) and list it in CHANGELOG.md.");
    }
    if (!unrecorded.isEmpty() || !stale.isEmpty()) {
      problems.add(
          "The client's public API differs from client/api/vspc-licensing-client.api"
              + (unrecorded.isEmpty() ? "" : "; new:\n" + lines(unrecorded))
              + (stale.isEmpty() ? "" : "\ngone:\n" + lines(stale))
              + "\nIf that is intended, record it: ./mvnw -B verify -Dapi.accept=true (and list it in"
              + " CHANGELOG.md).");
    }
    return problems;
  }

  private static String lines(List<String> lines) {
    return lines.stream().map(l -> "  " + l).collect(Collectors.joining("\n"));
  }
}

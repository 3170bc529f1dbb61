package dev.licensewatch.vspc.release;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gate between the document being built and the last released one: a breaking change fails
 * unless the major version changes, and every change must be listed in CHANGELOG.md.
 *
 * @param released the version of the released document compared with
 * @param current the version being built
 * @param changes every change since the released document
 * @param unlisted the changes that CHANGELOG.md does not list (see {@link Changelog})
 */
record DocumentGate(
    Version released,
    Version current,
    List<DocumentChange> changes,
    List<DocumentChange> unlisted) {

  static DocumentGate check(
      Version released,
      String releasedText,
      Version current,
      String currentText,
      Changelog changelog) {
    List<DocumentChange> changes = DocumentDiff.between(releasedText, currentText);
    List<DocumentChange> unlisted =
        changes.stream().filter(c -> !changelog.mentions(c.tokens())).toList();
    return new DocumentGate(released, current, changes, unlisted);
  }

  List<DocumentChange> breaking() {
    return changes.stream().filter(DocumentChange::breaking).toList();
  }

  boolean majorChanged() {
    return current.major() != released.major();
  }

  /** What fails the build; empty when the document may be released as {@link #current}. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!breaking().isEmpty() && !majorChanged()) {
      problems.add(
          "The OpenAPI document breaks clients of the released "
              + released
              + " and "
              + current
              + " keeps its major version:\n"
              + lines(breaking())
              + "\nUndo the change, or make it a new major version (set the project version to "
              + (released.major() + 1)
              + ".0.0-SNAPSHOT) and list it in CHANGELOG.md.");
    }
    if (!unlisted.isEmpty()) {
      problems.add(
          "CHANGELOG.md does not list these changes to the document since "
              + released
              + " under [Unreleased] (or ["
              + current.release()
              + "]); add lines like:\n"
              + unlisted.stream()
                  .map(DocumentChange::changelogLine)
                  .collect(Collectors.joining("\n")));
    }
    return problems;
  }

  /** What the build prints: the changes since the released document. */
  String report() {
    if (changes.isEmpty()) {
      return "The OpenAPI document is unchanged since the released " + released + ".";
    }
    return "Changes to the OpenAPI document since the released "
        + released
        + ":\n"
        + lines(changes);
  }

  private static String lines(List<DocumentChange> changes) {
    return changes.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
  }
}

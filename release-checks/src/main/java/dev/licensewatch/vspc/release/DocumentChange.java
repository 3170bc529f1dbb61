package dev.licensewatch.vspc.release;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change of the OpenAPI document between two versions, as its consumers see it.
 *
 * @param breaking whether a client generated from, or written against, the older document can fail
 *     with the newer one (or no longer compile)
 * @param subject what changed: a schema ({@code LicenseStatus}), a property ({@code
 *     BackupServerLicense.edition}), a parameter or an operation ({@code GET /path})
 * @param what what happened to it, e.g. "property removed"
 * @param value the value concerned (an enum value, a status code, a media type), or null
 */
record DocumentChange(boolean breaking, String subject, String what, @Nullable String value) {

  /** What a line of CHANGELOG.md must name, each in backquotes, to list this change. */
  List<String> tokens() {
    return value == null ? List.of(subject) : List.of(subject, value);
  }

  /** A line for CHANGELOG.md that lists this change. */
  String changelogLine() {
    return "- `" + subject + "`: " + what + (value == null ? "" : " `" + value + "`") + ".";
  }

  @Override
  public String toString() {
    return (breaking ? "BREAKING   " : "compatible ")
        + subject
        + ": "
        + what
        + (value == null ? "" : " " + value);
  }
}

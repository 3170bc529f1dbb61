package dev.licensewatch.vspc.verifier;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing a check found. Findings of the same kind at the same place in different licences (the
 * same {@link #message} at {@code $.data[*].company}) are reported once, with the first
 * occurrence's path and licence and the number of {@link #occurrences}.
 *
 * @param severity what it means for the verdict
 * @param message the problem, the same for every occurrence (e.g. "is null, but the document says
 *     string, not nullable")
 * @param path the JSON path in the response body ({@code $.data[3].company}), or null
 * @param license the licence it belongs to ({@code backupServerUid 976d4924-... (#103)}), or null
 * @param request the request whose response it is ({@code GET /api/v3/...?limit=100&offset=0}), or
 *     null
 * @param actual what the server sent there (JSON text, possibly shortened), or null
 * @param occurrences how many times it was found (1 or more)
 */
public record Finding(
    Severity severity,
    String message,
    @Nullable String path,
    @Nullable String license,
    @Nullable String request,
    @Nullable String actual,
    int occurrences) {

  /** What a finding means for the verdict. */
  public enum Severity {
    /** The server breaks the contract: the check fails. */
    BREAK,
    /** The check could not be made (the server kept failing, or did not answer). */
    ERROR,
    /**
     * Something newer servers add (an enum value, a property): a warning, a failure with strict.
     */
    ADDITION,
    /** For information; never changes the verdict. */
    NOTE
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be 1 or more: " + occurrences);
    }
  }

  static Finding of(Severity severity, String message) {
    return new Finding(severity, message, null, null, null, null, 1);
  }

  Finding at(@Nullable String path, @Nullable String license) {
    return new Finding(severity, message, path, license, request, actual, occurrences);
  }

  Finding in(@Nullable String request) {
    return new Finding(severity, message, path, license, request, actual, occurrences);
  }

  Finding actual(@Nullable String actual) {
    return new Finding(severity, message, path, license, request, actual, occurrences);
  }

  Finding times(int occurrences) {
    return new Finding(severity, message, path, license, request, actual, occurrences);
  }

  Finding redacted(Secrets secrets) {
    return new Finding(
        severity,
        secrets.redact(message),
        secrets.redactOrNull(path),
        secrets.redactOrNull(license),
        secrets.redactOrNull(request),
        secrets.redactOrNull(actual),
        occurrences);
  }

  /**
   * One line: {@code $.data[3].company: is null, ... (was null) [licence ...] in GET ...; 249 more
   * like it}.
   */
  public String describe() {
    StringBuilder line = new StringBuilder();
    if (path != null) {
      line.append(path).append(": ");
    }
    line.append(message);
    if (actual != null) {
      line.append(" (was ").append(actual).append(')');
    }
    if (license != null) {
      line.append(" [licence ").append(license).append(']');
    }
    if (request != null) {
      line.append(" in ").append(request);
    }
    if (occurrences > 1) {
      line.append("; ").append(occurrences - 1).append(" more like it");
      if (path != null && !JsonPaths.pattern(path).equals(path)) {
        line.append(" at ").append(JsonPaths.pattern(path));
      }
    }
    return line.toString();
  }
}

package dev.licensewatch.vspc.verifier;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One named check of a verification and what it found.
 *
 * @param id stable name for scripts and CI reports, e.g. {@code paging.count}
 * @param group {@code document}, {@code paging}, {@code auth}, {@code pact} or {@code definition}
 * @param title what is checked, in a sentence
 * @param status the verdict
 * @param detail what was looked at ("17 responses, 250 licences"), or why it could not be verified
 * @param findings what was found, breaks first
 * @param time how long the check's own requests took (zero when it only reads other responses)
 */
public record Check(
    String id,
    String group,
    String title,
    Status status,
    String detail,
    List<Finding> findings,
    Duration time) {

  /** The verdict of a check. */
  public enum Status {
    /** Nothing found but notes. */
    PASSED,
    /** Additions only (new enum values or properties): a failure with strict. */
    WARNING,
    /** At least one break. */
    FAILED,
    /** Cannot be verified on this server (the reason is the detail): neither pass nor fail. */
    NOT_VERIFIABLE,
    /** The check could not be made (requests kept failing). */
    ERROR
  }

  public Check {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    findings = List.copyOf(findings);
    Objects.requireNonNull(time, "time");
  }

  /** The status findings lead to: a break fails, an error errs, an addition warns. */
  static Status statusOf(List<Finding> findings) {
    Status status = Status.PASSED;
    for (Finding f : findings) {
      switch (f.severity()) {
        case BREAK -> {
          return Status.FAILED;
        }
        case ERROR -> status = Status.ERROR;
        case ADDITION -> status = status == Status.ERROR ? status : Status.WARNING;
        case NOTE -> {}
      }
    }
    return status;
  }

  /** A check that could not be verified on this server, with the reason. */
  static Check notVerifiable(String id, String group, String title, String reason) {
    return new Check(id, group, title, Status.NOT_VERIFIABLE, reason, List.of(), Duration.ZERO);
  }

  /** Whether it counts as a failure: always for FAILED, for WARNING only when strict. */
  public boolean fails(boolean strict) {
    return status == Status.FAILED || (strict && status == Status.WARNING);
  }

  /** The first finding of this severity, if any. */
  @Nullable Finding first(Finding.Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).findFirst().orElse(null);
  }

  Check redacted(Secrets secrets) {
    return new Check(
        id,
        group,
        title,
        status,
        secrets.redact(detail),
        findings.stream().map(f -> f.redacted(secrets)).toList(),
        time);
  }

  /** The check that stands for a run that could not start: {@code finding} says why. */
  static Check connectionFailed(Finding finding, Duration time) {
    return new Check(
        "connection",
        "connection",
        "The server answers a first page with the token",
        Status.ERROR,
        finding.message(),
        List.of(finding),
        time);
  }
}

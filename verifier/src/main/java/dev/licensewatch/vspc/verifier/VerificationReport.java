package dev.licensewatch.vspc.verifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a verification: every {@link Check} by name, and the verdict. Holds no token:
 * whatever a server echoed back was redacted to {@code ***}.
 */
public final class VerificationReport {
  /** Exit code: the server conforms (additions allowed unless strict). */
  public static final int EXIT_CONFORMS = 0;

  /** Exit code: at least one break (or, with strict, an addition). */
  public static final int EXIT_BROKEN = 1;

  /** Exit code: the verification could not run, or not every check could be made. */
  public static final int EXIT_COULD_NOT_RUN = 3;

  /** The verdict. */
  public enum Outcome {
    /** Every check passed or could not be verified on a live server. */
    CONFORMS,
    /** As CONFORMS, with additions (new enum values or properties). */
    CONFORMS_WITH_ADDITIONS,
    /** At least one check failed. */
    BROKEN,
    /** No break, but some checks could not be made (throttled, server errors). */
    INCOMPLETE,
    /** The verification could not start (unreachable, TLS, the token rejected). */
    COULD_NOT_RUN
  }

  private final String target;
  private final String documentVersion;
  private final Instant started;
  private final Duration duration;
  private final int requests;
  private final int throttled;
  private final List<Check> checks;
  private final @Nullable String couldNotRun;

  VerificationReport(
      String target,
      String documentVersion,
      Instant started,
      Duration duration,
      int requests,
      int throttled,
      List<Check> checks,
      @Nullable String couldNotRun) {
    this.target = Objects.requireNonNull(target, "target");
    this.documentVersion = documentVersion;
    this.started = started;
    this.duration = duration;
    this.requests = requests;
    this.throttled = throttled;
    this.checks = List.copyOf(checks);
    this.couldNotRun = couldNotRun;
  }

  /**
   * A report of a verification that could not start, e.g. because the server was unreachable;
   * {@code reason} says why and what to do.
   */
  public static VerificationReport couldNotRun(String target, String reason) {
    Check connection =
        Check.connectionFailed(Finding.of(Finding.Severity.ERROR, reason), Duration.ZERO);
    return new VerificationReport(
        target,
        Document.shipped().version(),
        Instant.now(),
        Duration.ZERO,
        0,
        0,
        List.of(connection),
        reason);
  }

  /** The server (its base URL), or the definition compared when no server was given. */
  public String target() {
    return target;
  }

  /** {@code info.version} of the OpenAPI document verified against. */
  public String documentVersion() {
    return documentVersion;
  }

  public Instant started() {
    return started;
  }

  public Duration duration() {
    return duration;
  }

  /** Requests sent, retries included. */
  public int requests() {
    return requests;
  }

  /** 429 answers met (each waited out as the server asked). */
  public int throttled() {
    return throttled;
  }

  public List<Check> checks() {
    return checks;
  }

  /** Why the verification could not start, or null when it ran. */
  public @Nullable String couldNotRunReason() {
    return couldNotRun;
  }

  public Outcome outcome() {
    if (couldNotRun != null) {
      return Outcome.COULD_NOT_RUN;
    }
    if (count(Check.Status.FAILED) > 0) {
      return Outcome.BROKEN;
    }
    if (count(Check.Status.ERROR) > 0) {
      return Outcome.INCOMPLETE;
    }
    return count(Check.Status.WARNING) > 0 ? Outcome.CONFORMS_WITH_ADDITIONS : Outcome.CONFORMS;
  }

  /** 0 conforms, 1 a break (with strict also an addition), 3 could not run or incomplete. */
  public int exitCode(boolean strict) {
    return switch (outcome()) {
      case CONFORMS -> EXIT_CONFORMS;
      case CONFORMS_WITH_ADDITIONS -> strict ? EXIT_BROKEN : EXIT_CONFORMS;
      case BROKEN -> EXIT_BROKEN;
      case INCOMPLETE, COULD_NOT_RUN -> EXIT_COULD_NOT_RUN;
    };
  }

  public long count(Check.Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  /** The check with this id, or null. */
  public @Nullable Check check(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
  }

  /** A summary for people: one line per check, findings under the ones that did not pass. */
  public String toText(boolean strict) {
    return ReportWriters.text(this, strict);
  }

  /** The whole report as JSON, for scripts. */
  public String toJson(boolean strict) {
    return ReportWriters.json(this, strict);
  }

  /** JUnit XML: one test case per check, breaks as failures with their JSON paths. */
  public String toJunitXml(boolean strict) {
    return ReportWriters.junitXml(this, strict);
  }

  @Override
  public String toString() {
    return "VerificationReport[" + target + ", " + outcome() + ", " + checks.size() + " checks]";
  }
}

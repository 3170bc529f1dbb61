package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.LicenseQuery;
import dev.licensewatch.vspc.client.LicenseStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Monitoring check following the Nagios/Icinga plugin conventions (also PRTG, Zabbix,"
          + " Checkmk): one status line 'LICENSES <STATE> - <summary> | <perfdata>', then one"
          + " line per licence at fault.",
      "CRITICAL: status Expired, Error or Unlicensed; expired or expiring within --crit-days;"
          + " more units used than licensed.",
      "WARNING: status Warning, Unknown or a status this version does not know; expiring"
          + " within --warn-days.",
      "UNKNOWN: the server could not be read (authentication, network, TLS, a broken response"
          + " with --strict) or a usage error. Licences without expiration date are not"
          + " date-checked.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also for usage errors).",
      "Perfdata: licenses, critical, warning, expired, min_days_left;WARN:;CRIT:",
      "",
      "Examples:",
      "  vspc-licenses --demo check",
      "  vspc-licenses --url https://vspc.example.com:1280 --token-file /etc/icinga2/vspc.token \\",
      "      check --warn-days 60 --crit-days 15",
      "  vspc-licenses --demo check --now 2030-01-01T00:00:00Z",
      "  vspc-licenses check --filter type!=Evaluation --filter 'company~acme'"
    })
final class CheckCommand extends QueryCommandBase implements Callable<Integer> {
  static final int OK = 0;
  static final int WARNING = 1;
  static final int CRITICAL = 2;
  static final int UNKNOWN = 3;
  private static final String[] STATE = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

  /** Detail lines printed at most; the counts in the status line cover all. */
  static final int MAX_DETAILS = 100;

  @Option(
      names = "--warn-days",
      paramLabel = "DAYS",
      defaultValue = "60",
      description = "WARNING when a licence expires within DAYS (default: ${DEFAULT-VALUE}).")
  int warnDays;

  @Option(
      names = "--crit-days",
      paramLabel = "DAYS",
      defaultValue = "15",
      description = "CRITICAL when a licence expires within DAYS (default: ${DEFAULT-VALUE}).")
  int critDays;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "Evaluate as of this time, e.g. 2026-05-01T00:00:00Z or 2026-05-01"
              + " (default: the clock).")
  @Nullable Instant now;

  /** One licence at fault. */
  record Fault(int severity, String company, String uid, String reason) {}

  /** The evaluation of a set of licences; fed one licence at a time. */
  static final class Evaluation {
    final Instant now;
    final int warnDays;
    final int critDays;
    long total;
    long critical;
    long warning;
    long expired;
    @Nullable Long minDaysLeft;

    /** The first MAX_DETAILS of each severity; criticals are shown first. */
    final List<Fault> criticalFaults = new ArrayList<>();

    final List<Fault> warningFaults = new ArrayList<>();

    Evaluation(Instant now, int warnDays, int critDays) {
      this.now = now;
      this.warnDays = warnDays;
      this.critDays = critDays;
    }

    void add(BackupServerLicense l) {
      total++;
      List<String> crit = new ArrayList<>();
      List<String> warn = new ArrayList<>();
      LicenseStatus status = l.status();
      boolean isExpired = false;
      if (status == null) {
        warn.add("no status");
      } else {
        switch (status.known()) {
          case EXPIRED -> {
            crit.add("status Expired");
            isExpired = true;
          }
          case ERROR, UNLICENSED -> crit.add("status " + status.value());
          case WARNING, UNKNOWN -> warn.add("status " + status.value());
          case UNRECOGNIZED ->
              warn.add("status '" + status.value() + "' not known to this version");
          case VALID -> {}
        }
      }
      OffsetDateTime expiry = l.expirationDate();
      if (expiry != null) {
        long days = Values.daysLeft(now, expiry);
        minDaysLeft = minDaysLeft == null ? days : Math.min(minDaysLeft, days);
        Instant at = expiry.toInstant();
        String date = Values.dateTime(expiry);
        if (!at.isAfter(now)) {
          long ago = -days;
          crit.add(
              (ago == 0 ? "expired today" : "expired " + Values.count(ago, "day") + " ago")
                  + " ("
                  + date
                  + ")");
          isExpired = true;
        } else if (!at.isAfter(now.plusSeconds(86_400L * critDays))) {
          crit.add(expiresIn(days) + " (" + date + ")");
        } else if (!at.isAfter(now.plusSeconds(86_400L * warnDays))) {
          warn.add(expiresIn(days) + " (" + date + ")");
        }
      }
      Double units = l.units();
      Double used = l.usedUnits();
      if (units != null && used != null && used > units) {
        crit.add("uses " + Values.number(used) + " of " + Values.number(units) + " units");
      }
      if (isExpired) {
        expired++;
      }
      int severity = !crit.isEmpty() ? CRITICAL : !warn.isEmpty() ? WARNING : OK;
      if (severity == OK) {
        return;
      }
      if (severity == CRITICAL) {
        critical++;
      } else {
        warning++;
      }
      List<String> reasons = new ArrayList<>(crit);
      reasons.addAll(warn);
      Fault fault =
          new Fault(
              severity,
              l.company() == null ? "(no company)" : l.company(),
              l.backupServerUid() == null ? "(no backupServerUid)" : l.backupServerUid().toString(),
              String.join(", ", reasons));
      List<Fault> faults = severity == CRITICAL ? criticalFaults : warningFaults;
      if (faults.size() < MAX_DETAILS) {
        faults.add(fault);
      }
    }

    private static String expiresIn(long days) {
      return days == 0 ? "expires within a day" : "expires in " + Values.count(days, "day");
    }

    int state() {
      return critical > 0 ? CRITICAL : warning > 0 ? WARNING : OK;
    }

    List<String> lines() {
      List<String> lines = new ArrayList<>();
      String summary;
      if (state() == OK) {
        summary =
            Values.count(total, "licence")
                + ", none expiring within "
                + Values.count(warnDays, "day");
      } else {
        summary =
            critical
                + " critical, "
                + warning
                + " warning of "
                + Values.count(total, "licence")
                + (expired > 0 ? " (" + expired + " expired)" : "");
      }
      String perf =
          "licenses="
              + total
              + " critical="
              + critical
              + " warning="
              + warning
              + " expired="
              + expired
              + " min_days_left="
              + (minDaysLeft == null ? "U" : minDaysLeft.toString())
              + ";"
              + warnDays
              + ":;"
              + critDays
              + ":";
      lines.add("LICENSES " + STATE[state()] + " - " + summary + " | " + perf);
      List<Fault> shown = new ArrayList<>(criticalFaults);
      shown.addAll(
          warningFaults.subList(0, Math.min(warningFaults.size(), MAX_DETAILS - shown.size())));
      for (Fault f : shown) {
        lines.add(
            STATE[f.severity()]
                + ": "
                + f.company()
                + " (backupServerUid "
                + f.uid()
                + "): "
                + f.reason());
      }
      long notShown = critical + warning - shown.size();
      if (notShown > 0) {
        lines.add("... and " + Values.count(notShown, "more licence") + " at fault");
      }
      return lines;
    }
  }

  @Override
  public Integer call() {
    if (critDays < 0) {
      throw new ParameterException(
          spec.commandLine(), "--crit-days must be 0 or more, was " + critDays);
    }
    if (warnDays < critDays) {
      throw new ParameterException(
          spec.commandLine(),
          "--warn-days (" + warnDays + ") must be at least --crit-days (" + critDays + ")");
    }
    LicenseQuery asked = query.query(spec.commandLine());
    Evaluation evaluation = new Evaluation(now != null ? now : Instant.now(), warnDays, critDays);
    // A failure is reported by Main as "LICENSES UNKNOWN - ...", exit 3.
    try (Root.Session session = root.open(spec.commandLine(), false);
        Stream<BackupServerLicense> licenses = session.client.stream(asked)) {
      licenses.forEachOrdered(evaluation::add);
    }
    for (String line : evaluation.lines()) {
      root.io.out.println(line);
    }
    root.io.out.flush();
    return evaluation.state();
  }

  /** ISO instant, date-time with offset, or a date (midnight UTC). */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException notInstant) {
        try {
          return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
          Instant midnight = null;
          try {
            midnight = QuerySyntax.midnightUtc(value);
          } catch (IllegalArgumentException notADate) {
            // reported below, in the option's own words
          }
          if (midnight == null) {
            throw new TypeConversionException(
                "'" + value + "' is not an instant; use e.g. 2026-05-01T00:00:00Z or 2026-05-01");
          }
          return midnight;
        }
      }
    }
  }
}

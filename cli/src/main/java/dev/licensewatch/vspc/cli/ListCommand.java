package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.LicenseQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a table of every licence (or those --filter keeps): company, edition, status,"
          + " type, units used/total, expiry date and days left, soonest expiry first (licences"
          + " without expiry last), or in the order of --sort.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  vspc-licenses --demo list",
      "  vspc-licenses --url https://vspc.example.com:1280 --token-file ~/.vspc-token list",
      "  vspc-licenses --demo list --filter status=Expired --sort -expirationDate",
      "For scripts, use export (json, ndjson, csv): the table layout may change."
    })
final class ListCommand extends QueryCommandBase implements Callable<Integer> {
  private static final int MAX_COMPANY = 40;

  static final Comparator<BackupServerLicense> BY_EXPIRY =
      Comparator.comparing(
              (BackupServerLicense l) ->
                  l.expirationDate() == null ? null : l.expirationDate().toInstant(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(l -> l.company() == null ? "" : l.company());

  @Override
  public Integer call() {
    LicenseQuery asked = query.query(spec.commandLine());
    List<BackupServerLicense> licenses = new ArrayList<>();
    try (Root.Session session = root.open(spec.commandLine(), true)) {
      try (Stream<BackupServerLicense> stream = session.client.stream(asked)) {
        stream.forEach(licenses::add);
      }
    }
    if (!query.sorts()) {
      licenses.sort(BY_EXPIRY);
    }
    print(licenses, Instant.now());
    return 0;
  }

  private void print(List<BackupServerLicense> licenses, Instant now) {
    String[] header = {
      "COMPANY", "EDITION", "STATUS", "TYPE", "UNITS USED/TOTAL", "EXPIRES", "DAYS LEFT"
    };
    boolean[] right = {false, false, false, false, true, false, true};
    List<String[]> rows = new ArrayList<>(licenses.size());
    for (BackupServerLicense l : licenses) {
      OffsetDateTime expiry = l.expirationDate();
      rows.add(
          new String[] {
            truncate(orDash(l.company()), MAX_COMPANY),
            orDash(l.edition()),
            orDash(l.status()),
            orDash(l.type()),
            orBlankDash(l.usedUnits()) + "/" + orBlankDash(l.units()),
            expiry == null ? "never" : expiry.toLocalDate().toString(),
            expiry == null ? "-" : Long.toString(Values.daysLeft(now, expiry))
          });
    }
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, width, right);
    for (String[] row : rows) {
      line(out, row, width, right);
    }
    out.append(Values.count(licenses.size(), "licence")).append('\n');
    root.io.out.print(out);
    root.io.out.flush();
  }

  private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(width[i] - cells[i].length());
      line.append(right[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String orDash(@Nullable Object value) {
    return value == null ? "-" : value.toString();
  }

  private static String orBlankDash(@Nullable Double value) {
    return value == null ? "-" : Values.number(value);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}

package dev.licensewatch.vspc.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Markdown tables, printed as they are produced and written to a results file at the end. */
final class Report {
  private final StringBuilder text = new StringBuilder();

  /** Every number reported, by "section/row/column", for the smoke test. */
  private final Map<String, Double> numbers = new LinkedHashMap<>();

  private final List<String> skipped = new ArrayList<>();

  /** A section's heading and the blank line after it. */
  void heading(String title) {
    line("## " + title);
    line("");
  }

  void line(String line) {
    System.out.println(line);
    System.out.flush();
    text.append(line).append('\n');
  }

  void table(String section, List<String> header, List<List<Object>> rows) {
    line("");
    line("| " + String.join(" | ", header) + " |");
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < header.size(); i++) {
      rule.append(i == 0 ? " --- |" : " ---: |");
    }
    line(rule.toString());
    for (List<Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object cell = row.get(i);
        cells.add(format(cell));
        if (cell instanceof Number n && i > 0) {
          numbers.put(section + "/" + row.get(0) + "/" + header.get(i), n.doubleValue());
        }
      }
      line("| " + String.join(" | ", cells) + " |");
    }
    line("");
  }

  void skip(String section, String why) {
    skipped.add(section);
    line("");
    line("**" + section + ": skipped** — " + why);
    line("");
  }

  Map<String, Double> numbers() {
    return numbers;
  }

  List<String> skipped() {
    return skipped;
  }

  void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** "L licences, pages of P (N unit)": the walk a section measures. */
  static String paging(int licences, int pageSize, int pages, String unit) {
    return licences + " licences, pages of " + pageSize + " (" + pages + " " + unit + ")";
  }

  static String format(Object cell) {
    if (cell instanceof Double d) {
      double a = Math.abs(d);
      if (a >= 1000) {
        return String.format(Locale.ROOT, "%,.0f", d);
      } else if (a >= 10) {
        return String.format(Locale.ROOT, "%.1f", d);
      }
      return String.format(Locale.ROOT, "%.2f", d);
    }
    if (cell instanceof Long || cell instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", ((Number) cell).longValue());
    }
    return String.valueOf(cell);
  }

  static String pct(Stats s) {
    return String.format(Locale.ROOT, "±%.0f%%", s.spreadPercent() / 2);
  }
}

package dev.licensewatch.vspc.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The figures the suite prints: one row per check, "what was tried, how often, what held". Tests
 * add rows as they finish; {@link SummaryListener} writes them out when the run ends.
 */
public final class Figures {
  /** One line of the summary table. */
  public record Row(String area, String check, long tried, String held, boolean ok) {}

  private static final Map<String, Row> ROWS = new ConcurrentHashMap<>();
  private static final List<String> ORDER = new ArrayList<>();

  private Figures() {}

  /** Adds or replaces the row for {@code area}/{@code check}. */
  public static void record(String area, String check, long tried, String held, boolean ok) {
    String key = area + "\u0000" + check;
    synchronized (ORDER) {
      if (!ROWS.containsKey(key)) {
        ORDER.add(key);
      }
      ROWS.put(key, new Row(area, check, tried, held.replace('|', '/').replace('\n', ' '), ok));
    }
  }

  static List<Row> rows() {
    synchronized (ORDER) {
      List<Row> rows = new ArrayList<>();
      for (String key : ORDER) {
        rows.add(ROWS.get(key));
      }
      return rows;
    }
  }
}

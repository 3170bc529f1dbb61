package dev.licensewatch.vspc.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the summary table when a test run ends, to stdout and to {@code
 * target/reliability-summary.md}. The suite runs in two surefire executions (client, cli); each
 * writes its rows to {@code target/reliability-figures/PART.tsv} and the table shows all parts
 * written in this build (the client part, which runs first, clears the old ones).
 */
public final class SummaryListener implements TestExecutionListener {
  static final Path TARGET = Path.of("target");
  static final Path FIGURES = TARGET.resolve("reliability-figures");
  static final Path SUMMARY = TARGET.resolve("reliability-summary.md");

  private final String part = System.getProperty("reliability.part", "ide");
  private final AtomicInteger tests = new AtomicInteger();
  private final List<String> failed = new CopyOnWriteArrayList<>();
  private long started;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    started = System.nanoTime();
    if (part.equals("client")) {
      try (Stream<Path> files = Files.exists(FIGURES) ? Files.list(FIGURES) : Stream.empty()) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        System.err.println("cannot clear " + FIGURES + ": " + e);
      }
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!id.isTest()) {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
          && id.getSource().isPresent()) {
        failed.add(id.getDisplayName() + " (container)");
      }
      return;
    }
    tests.incrementAndGet();
    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      failed.add(id.getLegacyReportingName());
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (tests.get() == 0) {
      return;
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    if (part.equals("client")) {
      scanLogFile();
    }
    Figures.record(
        "suite",
        "secrets: outputs scanned for the token (" + part + ")",
        Secrets.textsScanned(),
        Secrets.charsScanned() + " chars scanned, leaks: " + Secrets.leaks().size(),
        Secrets.leaks().isEmpty());
    Figures.record(
        "suite",
        "tests run (" + part + ", " + seconds + " s)",
        tests.get(),
        failed.isEmpty() ? "all passed" : failed.size() + " failed: " + String.join(", ", failed),
        failed.isEmpty());
    try {
      Files.createDirectories(FIGURES);
      StringBuilder tsv = new StringBuilder();
      for (Figures.Row row : Figures.rows()) {
        tsv.append(row.area())
            .append('\t')
            .append(row.check())
            .append('\t')
            .append(row.tried())
            .append('\t')
            .append(row.held())
            .append('\t')
            .append(row.ok())
            .append('\n');
      }
      Files.writeString(FIGURES.resolve(part + ".tsv"), tsv, StandardCharsets.UTF_8);
      String table = table();
      Files.writeString(SUMMARY, table, StandardCharsets.UTF_8);
      System.out.println();
      System.out.println(table);
    } catch (IOException e) {
      System.err.println("cannot write the reliability summary: " + e);
    }
  }

  private static void scanLogFile() {
    Path log = Path.of("target", "reliability-client.log");
    try {
      if (Files.exists(log)) {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        long lines = text.lines().count();
        boolean clean = true;
        try {
          Secrets.check("the SLF4J log file (TRACE)", text);
        } catch (AssertionError e) {
          clean = false;
        }
        Figures.record(
            "secrets",
            "SLF4J log of client+emulator at TRACE scanned for the token",
            lines,
            clean ? "0 occurrences" : "TOKEN FOUND",
            clean);
      }
    } catch (IOException e) {
      Figures.record("secrets", "SLF4J log scan", 0, "cannot read: " + e, false);
    }
  }

  private static String table() throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String p : List.of("client", "cli", "ide")) {
      Path f = FIGURES.resolve(p + ".tsv");
      if (Files.exists(f)) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            rows.add(line.split("\t", -1));
          }
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("## Reliability and security suite: summary\n\n");
    md.append("| area | what was tried | how often | what held | |\n");
    md.append("|---|---|---:|---|---|\n");
    for (String[] r : rows) {
      md.append("| ")
          .append(r[0])
          .append(" | ")
          .append(r[1])
          .append(" | ")
          .append(r[2])
          .append(" | ")
          .append(r[3])
          .append(" | ")
          .append(Boolean.parseBoolean(r[4]) ? "ok" : "**FAILED**")
          .append(" |\n");
    }
    return md.toString();
  }
}

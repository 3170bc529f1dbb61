package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/** The report as text for people, JSON for scripts and JUnit XML for CI servers. */
final class ReportWriters {
  /** Findings shown per check in the text summary; JSON and JUnit XML have them all. */
  static final int TEXT_FINDINGS = 10;

  private ReportWriters() {}

  // ---------------------------------------------------------------------------------------
  // Text

  static String text(VerificationReport report, boolean strict) {
    StringBuilder out = new StringBuilder();
    out.append("Contract verification of ")
        .append(report.target())
        .append(" against the API document ")
        .append(report.documentVersion())
        .append('\n');
    if (report.requests() > 0) {
      out.append(Text.plural(report.checks().size(), "check"))
          .append(", ")
          .append(Text.plural(report.requests(), "request"))
          .append(report.throttled() > 0 ? " (" + report.throttled() + " throttled)" : "")
          .append(String.format(Locale.ROOT, ", %.1f s", report.duration().toMillis() / 1000.0))
          .append('\n');
    }
    for (Map.Entry<String, List<Check>> group : groups(report).entrySet()) {
      out.append('\n').append(group.getKey()).append('\n');
      for (Check check : group.getValue()) {
        out.append("  ")
            .append(String.format(Locale.ROOT, "%-5s", label(check, strict)))
            .append(' ')
            .append(check.id())
            .append(": ")
            .append(check.title());
        if (!check.detail().isEmpty()) {
          out.append(" (").append(check.detail()).append(')');
        }
        out.append('\n');
        List<Finding> shown = check.status() == Check.Status.PASSED ? List.of() : check.findings();
        for (int i = 0; i < Math.min(TEXT_FINDINGS, shown.size()); i++) {
          Finding f = shown.get(i);
          out.append("        ").append(symbol(f)).append(' ').append(f.describe()).append('\n');
        }
        if (shown.size() > TEXT_FINDINGS) {
          out.append("        ... ")
              .append(shown.size() - TEXT_FINDINGS)
              .append(" more (see --format json or --junit)\n");
        }
      }
    }
    out.append('\n').append(verdict(report, strict)).append('\n');
    return out.toString();
  }

  private static String label(Check check, boolean strict) {
    return switch (check.status()) {
      case PASSED -> "PASS";
      case WARNING -> strict ? "FAIL" : "WARN";
      case FAILED -> "FAIL";
      case NOT_VERIFIABLE -> "SKIP";
      case ERROR -> "ERROR";
    };
  }

  private static String symbol(Finding f) {
    return switch (f.severity()) {
      case BREAK -> "x";
      case ERROR -> "!";
      case ADDITION -> "+";
      case NOTE -> "-";
    };
  }

  /** The last line: the outcome, the counts and the exit code. */
  static String verdict(VerificationReport report, boolean strict) {
    List<String> parts = new ArrayList<>();
    long failed =
        report.count(Check.Status.FAILED) + (strict ? report.count(Check.Status.WARNING) : 0);
    parts.add(report.count(Check.Status.PASSED) + " passed");
    if (failed > 0) {
      parts.add(
          failed
              + " failed ("
              + report.checks().stream()
                  .filter(c -> c.fails(strict))
                  .map(Check::id)
                  .collect(Collectors.joining(", "))
              + ")");
    }
    if (!strict && report.count(Check.Status.WARNING) > 0) {
      parts.add(
          Text.plural(report.count(Check.Status.WARNING), "warning")
              + " (additions; --strict fails on them)");
    }
    if (report.count(Check.Status.NOT_VERIFIABLE) > 0) {
      parts.add(report.count(Check.Status.NOT_VERIFIABLE) + " not verifiable on this server");
    }
    if (report.count(Check.Status.ERROR) > 0) {
      parts.add(report.count(Check.Status.ERROR) + " could not be made");
    }
    String outcome =
        switch (report.outcome()) {
          case CONFORMS -> "CONFORMS";
          case CONFORMS_WITH_ADDITIONS ->
              strict ? "BROKEN (additions, with --strict)" : "CONFORMS, with additions";
          case BROKEN -> "BROKEN";
          case INCOMPLETE -> "INCOMPLETE";
          case COULD_NOT_RUN -> "COULD NOT RUN: " + report.couldNotRunReason();
        };
    return outcome + " - " + String.join(", ", parts) + "; exit " + report.exitCode(strict);
  }

  private static Map<String, List<Check>> groups(VerificationReport report) {
    Map<String, List<Check>> groups = new LinkedHashMap<>();
    for (Check check : report.checks()) {
      groups.computeIfAbsent(check.group(), g -> new ArrayList<>()).add(check);
    }
    return groups;
  }

  // ---------------------------------------------------------------------------------------
  // JSON

  static String json(VerificationReport report, boolean strict) {
    ObjectNode root = Exchange.JSON.createObjectNode();
    root.put("target", report.target());
    root.put("documentVersion", report.documentVersion());
    root.put("started", report.started().toString());
    root.put("durationMillis", report.duration().toMillis());
    root.put("requests", report.requests());
    root.put("throttled", report.throttled());
    root.put("strict", strict);
    root.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    root.put("exitCode", report.exitCode(strict));
    root.put("couldNotRun", report.couldNotRunReason());
    ObjectNode summary = root.putObject("summary");
    for (Check.Status status : Check.Status.values()) {
      summary.put(camel(status.name()), report.count(status));
    }
    ArrayNode checks = root.putArray("checks");
    for (Check check : report.checks()) {
      ObjectNode c = checks.addObject();
      c.put("id", check.id());
      c.put("group", check.group());
      c.put("title", check.title());
      c.put("status", camel(check.status().name()));
      c.put("fails", check.fails(strict));
      c.put("detail", check.detail());
      c.put("timeMillis", check.time().toMillis());
      ArrayNode findings = c.putArray("findings");
      for (Finding f : check.findings()) {
        ObjectNode o = findings.addObject();
        o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        o.put("message", f.message());
        o.put("path", f.path());
        o.put("licence", f.license());
        o.put("request", f.request());
        o.put("actual", f.actual());
        o.put("occurrences", f.occurrences());
      }
    }
    try {
      return Exchange.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String camel(String constant) {
    String[] words = constant.toLowerCase(Locale.ROOT).split("_");
    StringBuilder out = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------
  // JUnit XML

  /**
   * One {@code <testsuite>} per group, one {@code <testcase>} per check: a break is a {@code
   * <failure>} listing every finding with its JSON path, a check that could not be made an {@code
   * <error>}, one not verifiable on a live server {@code <skipped>}; additions are failures with
   * strict and {@code <system-out>} otherwise.
   */
  static String junitXml(VerificationReport report, boolean strict) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "vspc-licenses verify");
      counts(xml, report.checks(), strict);
      xml.writeAttribute("time", seconds(report.duration().toMillis()));
      xml.writeCharacters("\n");
      for (Map.Entry<String, List<Check>> group : groups(report).entrySet()) {
        suite(xml, report, group.getKey(), group.getValue(), strict);
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return text.toString();
  }

  private static void suite(
      XMLStreamWriter xml,
      VerificationReport report,
      String group,
      List<Check> checks,
      boolean strict)
      throws XMLStreamException {
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "vspc-licenses verify: " + group);
    counts(xml, checks, strict);
    xml.writeAttribute("time", seconds(checks.stream().mapToLong(c -> c.time().toMillis()).sum()));
    xml.writeAttribute(
        "timestamp",
        report
            .started()
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString()
            .replace("Z", ""));
    xml.writeCharacters("\n  ");
    xml.writeStartElement("properties");
    property(xml, "target", report.target());
    property(xml, "documentVersion", report.documentVersion());
    property(xml, "strict", Boolean.toString(strict));
    xml.writeEndElement();
    for (Check check : checks) {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("name", clean(check.id() + ": " + check.title()));
      xml.writeAttribute("classname", "vspc.verify." + group);
      xml.writeAttribute("time", seconds(check.time().toMillis()));
      switch (check.status()) {
        case FAILED -> outcome(xml, "failure", "contract break", check, Finding.Severity.BREAK);
        case ERROR -> outcome(xml, "error", "could not check", check, Finding.Severity.ERROR);
        case NOT_VERIFIABLE -> {
          xml.writeStartElement("skipped");
          xml.writeAttribute("message", clean(check.detail()));
          xml.writeEndElement();
        }
        case WARNING -> {
          if (strict) {
            outcome(xml, "failure", "addition (strict)", check, Finding.Severity.ADDITION);
          } else {
            systemOut(xml, check);
          }
        }
        case PASSED -> {
          if (!check.findings().isEmpty()) {
            systemOut(xml, check);
          }
        }
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void counts(XMLStreamWriter xml, List<Check> checks, boolean strict)
      throws XMLStreamException {
    xml.writeAttribute("tests", Integer.toString(checks.size()));
    xml.writeAttribute(
        "failures", Long.toString(checks.stream().filter(c -> c.fails(strict)).count()));
    xml.writeAttribute(
        "errors",
        Long.toString(checks.stream().filter(c -> c.status() == Check.Status.ERROR).count()));
    xml.writeAttribute(
        "skipped",
        Long.toString(
            checks.stream().filter(c -> c.status() == Check.Status.NOT_VERIFIABLE).count()));
  }

  private static void outcome(
      XMLStreamWriter xml, String element, String type, Check check, Finding.Severity severity)
      throws XMLStreamException {
    Finding first = check.first(severity);
    xml.writeStartElement(element);
    xml.writeAttribute("message", clean(first == null ? check.title() : first.describe()));
    xml.writeAttribute("type", type);
    xml.writeCharacters(clean(findingLines(check)));
    xml.writeEndElement();
  }

  private static void systemOut(XMLStreamWriter xml, Check check) throws XMLStreamException {
    xml.writeStartElement("system-out");
    xml.writeCharacters(clean(findingLines(check)));
    xml.writeEndElement();
  }

  private static String findingLines(Check check) {
    StringBuilder lines = new StringBuilder();
    if (!check.detail().isEmpty()) {
      lines.append(check.detail()).append('\n');
    }
    for (Finding f : check.findings()) {
      lines
          .append(f.severity().name().toLowerCase(Locale.ROOT))
          .append(": ")
          .append(f.describe())
          .append('\n');
    }
    return lines.toString();
  }

  private static void property(XMLStreamWriter xml, String name, @Nullable String value)
      throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value == null ? "" : value));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Without the characters XML 1.0 cannot carry (a server's text may hold any). */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF);
              out.appendCodePoint(allowed ? c : '?');
            });
    return out.toString();
  }
}

package dev.licensewatch.vspc.verifier;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The document checks: every response the run gets is inspected here as it arrives, from any
 * thread, against the shipped OpenAPI document.
 */
final class DocumentChecks {
  static final String GROUP = "document";
  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\]\\s*");
  private static final Pattern NULL_TYPE =
      Pattern.compile(
          "Instance type \\(null\\) does not match any allowed primitive type \\(allowed: \\[(.*)\\]\\)");

  private final Document document;
  private final Findings status = new Findings();
  private final Findings body = new Findings();
  private final Findings dateTimes = new Findings();
  private final Findings additions = new Findings();
  private final AtomicInteger responses = new AtomicInteger();
  private final AtomicInteger dateTimeCount = new AtomicInteger();
  private final Census census;
  private final Set<String> required;

  DocumentChecks(Document document) {
    this.document = document;
    Schema<?> page = document.responseSchema(200);
    Map<String, Schema<?>> top = page == null ? null : SchemaWalk.properties(page);
    Schema<?> items = top == null || top.get("data") == null ? null : top.get("data").getItems();
    Map<String, Schema<?>> declared = items == null ? null : SchemaWalk.properties(items);
    this.census = new Census(declared == null ? List.of() : List.copyOf(declared.keySet()));
    this.required =
        items == null || items.getRequired() == null ? Set.of() : Set.copyOf(items.getRequired());
  }

  /** The licence properties the document requires. */
  Set<String> requiredLicenseProperties() {
    return required;
  }

  /** Whether some licence seen so far carries this property. */
  boolean carried(String property) {
    return census.carried(property);
  }

  /** Checks one response against the document. Thread-safe. */
  void inspect(Exchange exchange) {
    if (!exchange.answered()) {
      return;
    }
    responses.incrementAndGet();
    Page page = exchange.ok() ? Page.of(exchange) : null;
    String request = describe(exchange);
    for (ValidationReport.Message m : validate(exchange)) {
      if (m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      String path =
          m.getContext()
              .flatMap(ValidationReport.MessageContext::getPointers)
              .map(p -> JsonPaths.fromPointer(p.getInstance()))
              .orElse(null);
      Finding finding =
          Finding.of(Finding.Severity.BREAK, message(m.getMessage()))
              .at(path, license(page, path))
              .in(request);
      (m.getKey().startsWith("validation.response.body") ? body : status).add(finding);
    }
    JsonNode json = exchange.json();
    Schema<?> schema = document.responseSchema(exchange.status());
    if (json != null && schema != null) {
      SchemaWalk.walk(
          schema,
          json,
          "$",
          new SchemaWalk.Sink() {
            @Override
            public void dateTime(Finding finding) {
              dateTimes.add(finding.at(finding.path(), license(page, finding.path())).in(request));
            }

            @Override
            public void addition(Finding finding) {
              additions.add(finding.at(finding.path(), license(page, finding.path())).in(request));
            }

            @Override
            public void checkedDateTime() {
              dateTimeCount.incrementAndGet();
            }
          });
    }
    if (page != null && page.data() != null) {
      census.count(page.data());
    }
  }

  /**
   * The validator's messages. A body sent with a Content-Type other than JSON is also validated as
   * JSON, so that a wrong Content-Type does not hide what is wrong in the body.
   */
  private List<ValidationReport.Message> validate(Exchange exchange) {
    List<ValidationReport.Message> messages =
        new ArrayList<>(document.validate(exchange).getMessages());
    String type = exchange.contentType();
    if (exchange.json() != null
        && (type == null || !type.toLowerCase(Locale.ROOT).contains("json"))) {
      Headers json =
          exchange
              .headers()
              .newBuilder()
              .set("Content-Type", "application/json; charset=utf-8")
              .build();
      Exchange asJson =
          new Exchange(
              exchange.request(),
              exchange.query(),
              exchange.auth(),
              exchange.status(),
              json,
              exchange.body(),
              null,
              1,
              0,
              Duration.ZERO);
      document.validate(asJson).getMessages().stream()
          .filter(m -> m.getKey().startsWith("validation.response.body"))
          .forEach(messages::add);
    }
    return messages;
  }

  static String describe(Exchange exchange) {
    return exchange.request()
        + (exchange.auth().equals(ContractVerifier.TOKEN_LABEL)
            ? ""
            : " (" + exchange.auth() + ")");
  }

  private static @Nullable String license(@Nullable Page page, @Nullable String path) {
    int index = path == null ? -1 : JsonPaths.licenseIndex(path);
    return page == null || index < 0 || index >= page.size() ? null : page.license(index);
  }

  /** The validator's message without the path it repeats, and nulls said plainly. */
  static String message(String text) {
    String message = PATH_PREFIX.matcher(text).replaceFirst("");
    Matcher nullType = NULL_TYPE.matcher(message);
    if (nullType.matches()) {
      return "null, but the document does not allow null here ("
          + nullType.group(1).replace("\"", "")
          + ", not nullable)";
    }
    return Text.message(message);
  }

  List<Check> checks() {
    String seen =
        Text.plural(responses.get(), "response") + ", " + Text.plural(census.licenses(), "licence");
    List<Check> checks = new ArrayList<>();
    checks.add(
        status.check(
            "document.status",
            GROUP,
            "Every response has a status, Content-Type and headers the document declares",
            seen,
            Duration.ZERO));
    checks.add(
        body.check(
            "document.body",
            GROUP,
            "Every body conforms to the document: envelope, types, formats, nullability and"
                + " required properties",
            seen,
            Duration.ZERO));
    checks.add(
        dateTimes.check(
            "document.date-times",
            GROUP,
            "Date-times carry a UTC offset and at most "
                + SchemaWalk.MAX_FRACTION_DIGITS
                + " fractional digits",
            Text.plural(dateTimeCount.get(), "date-time")
                + " in "
                + Text.plural(census.licenses(), "licence"),
            Duration.ZERO));
    Findings properties = new Findings();
    properties.addAll(census.findings());
    checks.add(
        properties.check(
            "document.properties",
            GROUP,
            "No licence property the document declares is missing from every licence (renamed or"
                + " dropped)",
            Text.plural(census.licenses(), "licence"),
            Duration.ZERO));
    checks.add(
        additions.check(
            "document.additions",
            GROUP,
            "Additions: enum values and properties the document does not list (a warning; a"
                + " failure with strict)",
            seen,
            Duration.ZERO));
    return checks;
  }

  /** How many licences carry each property, for telling a renamed property from a missing one. */
  static final class Census {
    private final List<String> declared;
    private final Map<String, Integer> present = new TreeMap<>();
    private final Map<String, Integer> undeclared = new TreeMap<>();
    private int licenses;

    Census(List<String> declared) {
      this.declared = declared;
    }

    synchronized void count(JsonNode data) {
      for (JsonNode license : data) {
        if (!license.isObject()) {
          continue;
        }
        licenses++;
        license
            .fieldNames()
            .forEachRemaining(
                name ->
                    (declared.contains(name) ? present : undeclared).merge(name, 1, Integer::sum));
      }
    }

    synchronized int licenses() {
      return licenses;
    }

    synchronized boolean carried(String property) {
      return present.containsKey(property) || undeclared.containsKey(property);
    }

    /**
     * A declared property no licence carries, while properties the document does not declare
     * appear, looks renamed: a break (clients read nothing where they expect a value). Missing with
     * nothing new, the document allows it: a note.
     */
    synchronized List<Finding> findings() {
      List<Finding> findings = new ArrayList<>();
      if (licenses == 0) {
        return findings;
      }
      List<String> newcomers = new ArrayList<>();
      undeclared.forEach((name, n) -> newcomers.add(name + " (in " + n + ")"));
      for (String name : declared) {
        if (present.containsKey(name)) {
          continue;
        }
        String path = "$.data[*]." + name;
        if (!newcomers.isEmpty()) {
          findings.add(
              Finding.of(
                      Finding.Severity.BREAK,
                      "no licence of "
                          + licenses
                          + " carries it, while properties the document does not declare appear: "
                          + String.join(", ", newcomers)
                          + "; renamed?")
                  .at(path, null));
        } else {
          findings.add(
              Finding.of(
                      Finding.Severity.NOTE,
                      "no licence of " + licenses + " carries it (the document allows that)")
                  .at(path, null));
        }
      }
      return findings;
    }
  }
}

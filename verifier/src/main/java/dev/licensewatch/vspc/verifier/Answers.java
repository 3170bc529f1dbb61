package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the paging and auth checks expect of an error answer. */
final class Answers {
  private Answers() {}

  /** Whether a failed answer says nothing about the contract (throttled, server error, none). */
  static boolean inconclusive(Exchange exchange) {
    int status = exchange.status();
    return !exchange.answered() || status == 429 || status >= 500;
  }

  /** ERROR: the check could not be made, with what was tried. */
  static Finding couldNotCheck(Exchange exchange) {
    return Finding.of(
            Finding.Severity.ERROR, "could not check: " + exchange.outcome() + exchange.retries())
        .in(DocumentChecks.describe(exchange));
  }

  /**
   * What a page that should have been a 200 but was not means: {@link #couldNotCheck} when the
   * answer is {@link #inconclusive}, else a BREAK with {@code message}.
   */
  static Finding notAPage(Exchange exchange, String message) {
    return breakUnlessInconclusive(exchange, message, exchange.request());
  }

  /**
   * {@link #couldNotCheck} when the answer is {@link #inconclusive}, else a BREAK with {@code
   * message} in {@code request}.
   */
  private static Finding breakUnlessInconclusive(
      Exchange exchange, String message, String request) {
    return inconclusive(exchange)
        ? couldNotCheck(exchange)
        : Finding.of(Finding.Severity.BREAK, message).in(request);
  }

  /** "HTTP 200 with 250 licences", "HTTP 520". */
  static String got(Exchange exchange) {
    if (exchange.ok()) {
      JsonNode data = exchange.json() == null ? null : exchange.json().get("data");
      if (data != null && data.isArray()) {
        return "HTTP 200 with " + Text.plural(data.size(), "licence");
      }
    }
    return exchange.outcome();
  }

  /** The error envelope's items, or null when the body is not {"errors":[{...}, ...]}. */
  static @Nullable JsonNode errors(Exchange exchange) {
    JsonNode json = exchange.json();
    JsonNode errors = json == null ? null : json.get("errors");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      return null;
    }
    for (JsonNode error : errors) {
      if (!error.path("message").isTextual()) {
        return null;
      }
    }
    return errors;
  }

  /**
   * The findings for an answer that must be {@code expected} with the error envelope: nothing when
   * it is, an ERROR when the server did not let us tell, a BREAK otherwise.
   */
  static Findings expectError(Exchange exchange, int expected, String why) {
    Findings findings = new Findings();
    String request = DocumentChecks.describe(exchange);
    if (exchange.status() != expected) {
      findings.add(
          breakUnlessInconclusive(
              exchange,
              "got " + got(exchange) + " instead of " + expected + " (" + why + ")",
              request));
    } else if (errors(exchange) == null) {
      findings.add(
          Finding.of(
                  Finding.Severity.BREAK,
                  "HTTP "
                      + expected
                      + " without the error envelope {\"errors\":[{\"message\",\"type\",\"code\"}]}")
              .in(request)
              .actual(Text.shorten(exchange.text())));
    }
    return findings;
  }

  /** Whether the errors name the parameter (parameterName, propertyName), or only the message. */
  static Naming naming(JsonNode errors, String parameter) {
    boolean inMessage = false;
    for (JsonNode error : errors) {
      for (String field : new String[] {"parameterName", "propertyName"}) {
        if (error.path(field).asText("").equalsIgnoreCase(parameter)) {
          return Naming.FIELD;
        }
      }
      inMessage |=
          error
              .path("message")
              .asText("")
              .toLowerCase(Locale.ROOT)
              .contains(parameter.toLowerCase(Locale.ROOT));
    }
    return inMessage ? Naming.MESSAGE : Naming.NONE;
  }

  enum Naming {
    FIELD,
    MESSAGE,
    NONE
  }
}

package dev.licensewatch.vspc.emulator;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a set of {@link ContractBreak}s to 200 pages. Licences are rewritten as text, so the
 * bytes of a dataset file stay as written apart from the one change.
 */
final class Breaks {
  static final Breaks NONE = new Breaks(Set.of());

  /** A JSON string value, escapes included. */
  private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";

  private static final Pattern COMPANY = Pattern.compile("(\"company\"\\s*:\\s*)" + STRING);
  private static final Pattern STATUS = Pattern.compile("(\"status\"\\s*:\\s*)" + STRING);
  private static final Pattern EXPIRATION_OFFSET =
      Pattern.compile("(\"expirationDate\"\\s*:\\s*\"[^\"]*?)(?:Z|[+-][0-9]{2}:[0-9]{2})\"");
  private static final Pattern EXPIRATION_NAME = Pattern.compile("\"expirationDate\"(\\s*:)");
  private static final Pattern OPENING = Pattern.compile("^\\s*\\{(\\s*\\})?");
  private static final List<String[]> HTML =
      List.<String[]>of(new String[] {"Content-Type", "text/html; charset=utf-8"});

  private final Set<ContractBreak> breaks;

  Breaks(Set<ContractBreak> breaks) {
    this.breaks = breaks.isEmpty() ? Set.of() : EnumSet.copyOf(breaks);
  }

  boolean isNone() {
    return breaks.isEmpty();
  }

  private boolean has(ContractBreak b) {
    return breaks.contains(b);
  }

  /** The largest {@code limit} served with a page. */
  int maxLimit(int documented) {
    return has(ContractBreak.LIMIT_501_ACCEPTED) ? Integer.MAX_VALUE : documented;
  }

  /** The part of a page before the first licence, with the paging breaks applied. */
  byte[] pagePrefix(int total, int count, int offset) {
    int sentTotal =
        has(ContractBreak.TOTAL_CHANGES) && offset > 0 && offset < total ? total + 1 : total;
    int sentCount = has(ContractBreak.COUNT_MISMATCH) ? count + 1 : count;
    int sentOffset = has(ContractBreak.OFFSET_NOT_ECHOED) ? 0 : offset;
    return Json.pagePrefix(sentTotal, sentCount, sentOffset);
  }

  /** One licence's bytes with the licence breaks applied. */
  byte[] license(byte[] json) {
    if (isNone()) {
      return json;
    }
    String text = new String(json, StandardCharsets.UTF_8);
    if (has(ContractBreak.NULL_IN_NON_NULLABLE)) {
      text = COMPANY.matcher(text).replaceAll("$1null");
    }
    if (has(ContractBreak.DATE_WITHOUT_OFFSET)) {
      text = EXPIRATION_OFFSET.matcher(text).replaceAll("$1\"");
    }
    if (has(ContractBreak.PROPERTY_RENAMED)) {
      text = EXPIRATION_NAME.matcher(text).replaceAll("\"expiryDate\"$1");
    }
    if (has(ContractBreak.NEW_ENUM_VALUE)) {
      text = STATUS.matcher(text).replaceAll("$1\"Suspended\"");
    }
    if (has(ContractBreak.NEW_PROPERTY)) {
      Matcher opening = OPENING.matcher(text);
      if (opening.find()) {
        text =
            (opening.group(1) != null ? "{\"region\":\"EU\"}" : "{\"region\":\"EU\",")
                + text.substring(opening.end());
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A 200 page as sent, with the wrong Content-Type if asked for. */
  Response page(Response page) {
    return has(ContractBreak.WRONG_CONTENT_TYPE)
        ? new Response(page.status(), HTML, page.body(), page.licenses())
        : page;
  }

  @Override
  public String toString() {
    return breaks.isEmpty()
        ? "none"
        : breaks.stream().map(ContractBreak::spec).reduce((a, b) -> a + "," + b).orElse("none");
  }
}

package dev.licensewatch.vspc.emulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One way for the emulator to break the API document, so that a contract verifier ({@code
 * vspc-licenses verify}) can be seen to catch exactly that. The last two are not breaks but
 * additions, as newer servers make them, which a verifier accepts with a warning.
 *
 * <p>Set with {@link VspcEmulator.Builder#contractBreaks}; each applies to every 200 page.
 */
public enum ContractBreak {
  /** {@code company} is null in every licence (the document: string, not nullable). */
  NULL_IN_NON_NULLABLE("null-in-non-nullable"),
  /** {@code pagingInfo.count} is one more than the licences in {@code data}. */
  COUNT_MISMATCH("count-mismatch"),
  /** {@code pagingInfo.offset} is always 0, whatever the request asked for. */
  OFFSET_NOT_ECHOED("offset-not-echoed"),
  /** {@code expirationDate} without its UTC offset ({@code 2026-12-24T14:00:00.0000000}). */
  DATE_WITHOUT_OFFSET("date-without-offset"),
  /** Pages are sent as {@code text/html; charset=utf-8}. */
  WRONG_CONTENT_TYPE("wrong-content-type"),
  /** A {@code limit} above 500 gets a 200 page instead of 400. */
  LIMIT_501_ACCEPTED("limit-501-accepted"),
  /** {@code expirationDate} is sent as {@code expiryDate}. */
  PROPERTY_RENAMED("property-renamed"),
  /**
   * {@code pagingInfo.total} is one more on the pages inside the collection after the first ({@code
   * 0 < offset < total}): it changes in the middle of a walk.
   */
  TOTAL_CHANGES("total-changes"),
  /** Addition: {@code status} is {@code Suspended}, a value the document does not list. */
  NEW_ENUM_VALUE("new-enum-value"),
  /** Addition: every licence carries {@code region}, a property the document does not declare. */
  NEW_PROPERTY("new-property");

  private final String spec;

  ContractBreak(String spec) {
    this.spec = spec;
  }

  /** The name used on the command line, e.g. {@code null-in-non-nullable}. */
  public String spec() {
    return spec;
  }

  /** Whether this is an addition (what newer servers do) rather than a break. */
  public boolean isAddition() {
    return this == NEW_ENUM_VALUE || this == NEW_PROPERTY;
  }

  /** Every name, comma-separated, for help texts. */
  public static String names() {
    return Stream.of(values()).map(ContractBreak::spec).collect(Collectors.joining(", "));
  }

  /**
   * Parses a comma-separated list of names ({@code null-in-non-nullable,count-mismatch}), in any
   * case, with {@code _} or {@code -}; {@code none} or an empty text is no break.
   *
   * @throws IllegalArgumentException naming an unknown name and listing the known ones
   */
  public static Set<ContractBreak> parse(String text) {
    Set<ContractBreak> breaks = EnumSet.noneOf(ContractBreak.class);
    for (String part : text.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      if (name.isEmpty() || name.equals("none")) {
        continue;
      }
      ContractBreak found =
          Stream.of(values())
              .filter(b -> b.spec.equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Unknown contract break '"
                              + part.trim()
                              + "'; use one or more of: "
                              + names()));
      breaks.add(found);
    }
    return breaks;
  }
}

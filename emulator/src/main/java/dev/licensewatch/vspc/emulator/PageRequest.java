package dev.licensewatch.vspc.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The paging and query parameters of a licences request, checked as VSPC checks them: each wrong
 * one gets a 400 naming it ({@link BadParameter#answer()}).
 */
record PageRequest(int limit, int offset, CollectionQuery query) {

  static final int MAX_LIMIT = 500;
  static final int DEFAULT_LIMIT = 100;

  /** The first page with the server's defaults and no query. */
  static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, 0, CollectionQuery.NONE);

  /** {@code limit} 1..500 ({@code maxLimit} with the contract break that accepts more). */
  static PageRequest of(Request request, LicenseStore store, int maxLimit) throws BadParameter {
    int limit =
        intParameter(
            request,
            "limit",
            DEFAULT_LIMIT,
            1,
            maxLimit,
            "Property value must be between 1 and " + MAX_LIMIT + ".");
    int offset =
        intParameter(
            request,
            "offset",
            0,
            0,
            Integer.MAX_VALUE,
            "Property value must be larger or equal to 0.");
    return new PageRequest(limit, offset, CollectionQuery.of(request, store));
  }

  /** An int32 query parameter within min..max ({@code absent} when not given). */
  private static int intParameter(
      Request request, String name, int absent, int min, int max, String outOfRange)
      throws BadParameter {
    @Nullable String text = request.queryParameter(name);
    if (text == null) {
      return absent;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BadParameter(name, "Value '" + text + "' is not a valid integer.");
    }
    if (value < min || value > max) {
      throw new BadParameter(name, outOfRange);
    }
    return value;
  }
}

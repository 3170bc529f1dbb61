package dev.licensewatch.vspc.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.PagingInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How values are written: the client's Moshi adapters for JSON, the same rules as text. */
final class Values {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  /** API property names, canonical enum casing when known, ISO date-times, nulls written. */
  static final JsonAdapter<BackupServerLicense> LICENSE =
      MOSHI.adapter(BackupServerLicense.class).serializeNulls();

  /** Maps, lists and JSON values, nulls written: licences cut down to some columns. */
  static final JsonAdapter<Object> OBJECT = MOSHI.adapter(Object.class).serializeNulls();

  static final JsonAdapter<PagingInfo> PAGING_INFO =
      MOSHI.adapter(PagingInfo.class).serializeNulls();

  private Values() {}

  /** 100 rather than 100.0; 0.5 as is; never an exponent. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** ISO-8601 with the server's offset, as the JSON output writes it. */
  static String dateTime(OffsetDateTime value) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  /** {@code 1 licence}, {@code 2 licences}: {@code n} and the noun, plural unless n is 1. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Whole days from {@code now} to {@code when}, negative once past (truncated towards 0). */
  static long daysLeft(Instant now, OffsetDateTime when) {
    return Duration.between(now, when.toInstant()).toDays();
  }
}

package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-written UUID reader and date-time writer give exactly what the JDK's give. */
class LeafValuesTest {

  @Test
  void readsEveryUuidAsUuidFromStringDoesInEitherCase() {
    SplittableRandom random = new SplittableRandom(36);
    for (int i = 0; i < 20_000; i++) {
      UUID expected = new UUID(random.nextLong(), random.nextLong());
      String text =
          random.nextBoolean()
              ? expected.toString()
              : expected.toString().toUpperCase(java.util.Locale.ROOT);
      assertThat(ModelJson.parseUuid(text))
          .as(text)
          .isEqualTo(expected)
          .isEqualTo(UUID.fromString(text));
    }
    assertThat(ModelJson.parseUuid("00000000-0000-0000-0000-000000000000"))
        .isEqualTo(new UUID(0, 0));
    assertThat(ModelJson.parseUuid("ffffffff-ffff-ffff-ffff-ffffffffffff"))
        .isEqualTo(new UUID(-1, -1));
  }

  @Test
  void refusesWhatIsNotEightFourFourFourTwelveHexDigits() {
    String good = "976d4924-ae52-4ccc-b14b-88221f1451e8";
    assertThat(ModelJson.parseUuid(good)).isNotNull();
    for (String bad :
        new String[] {
          "",
          "nope",
          good.substring(1),
          good + "0",
          good.replace('-', '_'),
          "976d4924ae52-4ccc-b14b-88221f1451e8-",
          "976d492-4ae52-4ccc-b14b-88221f1451e8",
          good.replace('e', 'g'),
          good.replace('9', 'é'),
          good.replace('9', '\u0669'),
          "+76d4924-ae52-4ccc-b14b-88221f1451e8",
          " 76d4924-ae52-4ccc-b14b-88221f1451e8"
        }) {
      assertThat(ModelJson.parseUuid(bad)).as(bad).isNull();
    }
  }

  @Test
  void writesDateTimesAsTheIsoFormatterDoes() {
    SplittableRandom random = new SplittableRandom(20181024);
    int[] nanos = {0, 100, 123_456_700, 500_000_000, 999_999_999, 1, 10_000_000};
    for (int i = 0; i < 20_000; i++) {
      int year = i % 50 == 0 ? random.nextInt(-20_000, 20_000) : random.nextInt(0, 10_000);
      int nano =
          random.nextBoolean()
              ? nanos[random.nextInt(nanos.length)]
              : random.nextInt(0, 1_000_000_000);
      ZoneOffset offset =
          switch (random.nextInt(4)) {
            case 0 -> ZoneOffset.UTC;
            case 1 -> ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1));
            default -> ZoneOffset.ofHoursMinutes(random.nextInt(-14, 15), 0);
          };
      OffsetDateTime value =
          OffsetDateTime.of(
              year,
              random.nextInt(1, 13),
              random.nextInt(1, 29),
              random.nextInt(0, 24),
              random.nextInt(0, 60),
              random.nextInt(0, 60),
              nano,
              offset);
      String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
      assertThat(ModelJson.formatDateTime(value)).as(expected).isEqualTo(expected);
    }
    OffsetDateTime vspc = OffsetDateTime.parse("2018-10-24T14:00:00.1234567-07:00");
    assertThat(ModelJson.formatDateTime(vspc)).isEqualTo("2018-10-24T14:00:00.1234567-07:00");
  }
}

package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written date-time fast path reads exactly what the JDK's ISO formatter reads. */
class DateTimeParsingTest {

  @Test
  void agreesWithTheIsoFormatterOnEveryShapeServersSend() {
    SplittableRandom random = new SplittableRandom(20181024);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      text.append(
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d",
              random.nextInt(1970, 2100),
              random.nextInt(1, 13),
              random.nextInt(1, 29),
              random.nextInt(0, 24),
              random.nextInt(0, 60),
              random.nextInt(0, 60)));
      int fraction = random.nextInt(0, 10);
      if (fraction > 0) {
        text.append('.');
        for (int d = 0; d < fraction; d++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      int offsetMinutes = random.nextInt(-14 * 4, 14 * 4 + 1) * 15;
      if (offsetMinutes == 0 && random.nextBoolean()) {
        text.append('Z');
      } else {
        int abs = Math.abs(offsetMinutes);
        text.append(offsetMinutes < 0 ? '-' : '+')
            .append(String.format("%02d:%02d", abs / 60, abs % 60));
      }
      String value = text.toString();
      OffsetDateTime expected = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      OffsetDateTime actual = ModelJson.parseDateTime(value);
      assertThat(actual).as(value).isEqualTo(expected);
      assertThat(actual.getOffset()).as(value).isEqualTo(expected.getOffset());
    }
  }

  @Test
  void keepsSevenFractionalDigitsAndTheOffset() {
    OffsetDateTime parsed = ModelJson.parseDateTime("2018-10-24T14:00:00.1234567-07:00");
    assertThat(parsed.getNano()).isEqualTo(123_456_700);
    assertThat(parsed.getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
  }

  @Test
  void leavesOtherShapesToTheFormatter() {
    assertThat(ModelJson.parseDateTime("2020-09-09")).isNull();
    assertThat(ModelJson.parseDateTime("2020-09-09T10:00:00")).isNull(); // no offset
    assertThat(ModelJson.parseDateTime("2020-09-09T10:00+03:00")).isNull(); // no seconds
    assertThat(ModelJson.parseDateTime("2020-09-09T10:00:00.+03:00")).isNull();
    assertThat(ModelJson.parseDateTime("2020-09-09T10:00:00.1234567890+03:00")).isNull();
    assertThat(ModelJson.parseDateTime("2020-09-09T10:00:00+0300")).isNull();
    assertThat(ModelJson.parseDateTime("2020-0x-09T10:00:00+03:00")).isNull();
    assertThat(ModelJson.parseDateTime("2020-09-09T10:00:00+03:00 ")).isNull();
  }

  @Test
  void rejectsFieldsOutOfRange() {
    assertThatThrownBy(() -> ModelJson.parseDateTime("2020-13-09T10:00:00+03:00"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> ModelJson.parseDateTime("2021-02-29T10:00:00Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> ModelJson.parseDateTime("2020-09-09T24:00:00Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> ModelJson.parseDateTime("2020-09-09T10:00:00+19:00"))
        .isInstanceOf(DateTimeException.class);
  }
}

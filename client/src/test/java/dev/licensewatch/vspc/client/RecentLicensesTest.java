package dev.licensewatch.vspc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a walk remembers of the licences it delivered, to drop repeats after an insertion. */
class RecentLicensesTest {
  private static final JsonAdapter<BackupServerLicense> LICENSE =
      new Moshi.Builder().build().adapter(BackupServerLicense.class);

  @Test
  void keepsEveryLicenseUntilAskedToCheck() {
    RecentLicenses recent = new RecentLicenses(100);
    assertThat(recent.keepNew(licenses(0, 3))).hasSize(3);
    assertThat(recent.keepNew(licenses(0, 3))).as("not checking yet").hasSize(3);
  }

  @Test
  void dropsRepeatedIdsOnceChecking() {
    RecentLicenses recent = new RecentLicenses(100);
    recent.keepNew(licenses(0, 5));
    recent.checkRepeats();
    assertThat(ids(recent.keepNew(licenses(3, 8)))).containsExactly(uid(5), uid(6), uid(7));
    assertThat(ids(recent.keepNew(licenses(6, 9))))
        .as("remembered what it kept")
        .containsExactly(uid(8));
  }

  @Test
  void aLicenseWithoutIdIsARepeatOnlyInsideARunOfRepeats() {
    RecentLicenses recent = new RecentLicenses(100);
    // Delivered: 0, anonymous, 2, then an anonymous licence equal to the first one.
    recent.keepNew(List.of(license(0), anonymous(), license(2)));
    recent.checkRepeats();
    // After 0 repeats, the anonymous licence sits where one was remembered: a repeat too.
    assertThat(recent.keepNew(List.of(license(0), anonymous(), license(2), license(3))))
        .containsExactly(license(3));
    // Not next to a repeat: identical anonymous licences are all delivered.
    assertThat(recent.keepNew(List.of(anonymous(), anonymous(), license(4))))
        .containsExactly(anonymous(), anonymous(), license(4));
  }

  @Test
  void aRunOfRepeatsReachesBackToTheAnonymousLicenseBeforeIt() {
    RecentLicenses recent = new RecentLicenses(100);
    recent.keepNew(List.of(license(0), anonymous(), license(2)));
    recent.checkRepeats();
    assertThat(recent.keepNew(List.of(anonymous(), license(2), license(3))))
        .containsExactly(license(3));
  }

  @Test
  void forgetsTheOldestBeyondItsCapacityAndGrowsWhenTold() {
    RecentLicenses recent = new RecentLicenses(4);
    recent.keepNew(licenses(0, 6)); // remembers 2..5
    recent.checkRepeats();
    assertThat(recent.capacity()).isEqualTo(4);
    assertThat(ids(recent.keepNew(licenses(1, 3)))).as("1 was forgotten").containsExactly(uid(1));

    recent.grow(10);
    assertThat(recent.capacity()).isEqualTo(14);
    recent.keepNew(licenses(10, 20));
    assertThat(recent.keepNew(licenses(4, 6)))
        .as("still remembered after growing: 14 slots hold 3, 4, 5, 1 and 10..19")
        .isEmpty();
    recent.grow(0);
    assertThat(recent.capacity()).isEqualTo(14);
  }

  private static List<BackupServerLicense> licenses(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(RecentLicensesTest::license)
        .collect(Collectors.toList());
  }

  private static BackupServerLicense license(int n) {
    return decode(Fixtures.license(n));
  }

  /** A licence without {@code backupServerUid}: all of them are equal. */
  private static BackupServerLicense anonymous() {
    return decode(
        "{\"autoUpdateEnabled\":true,\"company\":\"Anonymous\",\"status\":\"Valid\",\"units\":1.0}");
  }

  private static BackupServerLicense decode(String json) {
    try {
      return LICENSE.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UUID uid(int n) {
    return Fixtures.uid(n);
  }

  private static List<UUID> ids(List<BackupServerLicense> licenses) {
    return licenses.stream().map(BackupServerLicense::backupServerUid).collect(Collectors.toList());
  }
}

package dev.licensewatch.vspc.cli;

import static dev.licensewatch.vspc.cli.Cli.TOKEN;
import static dev.licensewatch.vspc.cli.Cli.against;
import static dev.licensewatch.vspc.cli.ExpectedExport.license;
import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check: states, exit codes, perfdata and detail lines with a fixed clock. */
class CheckTest {
  static final String NOW = "2030-01-01T00:00:00Z";
  static final String FAR = "2031-06-01T00:00:00+02:00";

  @TempDir static Path dir;

  @AfterAll
  static void scan() {
    Cli.ALL_OUTPUT.forEach(Cli::assertNoSecret);
  }

  static VspcEmulator serve(List<Map<String, Object>> licenses) throws IOException {
    Path file = Files.createTempFile(dir, "dataset", ".json");
    Files.writeString(file, ExpectedExport.json(licenses));
    return VspcEmulator.builder().token(TOKEN).datasetFile(file).start();
  }

  static List<Map<String, Object>> healthy() {
    List<Map<String, Object>> l = new ArrayList<>();
    l.add(license("11111111-1111-4111-8111-111111111111", "Alder Foods", "Valid", FAR, 100, 50));
    l.add(license("22222222-2222-4222-8222-222222222222", "Birch Labs", "Valid", FAR, 10, 10));
    Map<String, Object> perpetual =
        license("33333333-3333-4333-8333-333333333333", "Cobalt AB", "Valid", null, 5, 1);
    l.add(perpetual);
    return l;
  }

  static Cli.Result check(VspcEmulator vspc, String... options) {
    List<String> args = new ArrayList<>(List.of(against(vspc.baseUrl(), "check", "--now", NOW)));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void okWhenNothingIsDue() throws IOException {
    try (VspcEmulator vspc = serve(healthy())) {
      Cli.Result r = check(vspc);
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .isEqualTo(
              "LICENSES OK - 3 licences, none expiring within 60 days"
                  + " | licenses=3 critical=0 warning=0 expired=0 min_days_left=515;60:;15:\n");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void minDaysLeftIsUnknownWhenNoLicenseExpires() throws IOException {
    try (VspcEmulator vspc =
        serve(
            List.of(
                license(
                    "33333333-3333-4333-8333-333333333333", "Cobalt AB", "Valid", null, 5, 1)))) {
      Cli.Result r = check(vspc);
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .isEqualTo(
              "LICENSES OK - 1 licence, none expiring within 60 days"
                  + " | licenses=1 critical=0 warning=0 expired=0 min_days_left=U;60:;15:\n");
    }
  }

  @Test
  void expiredTodayWithinADayNoStatusAndNoCompany() throws IOException {
    List<Map<String, Object>> l = new ArrayList<>();
    l.add(
        license(
            "11111111-1111-4111-8111-111111111111",
            "Hazel",
            "Valid",
            "2029-12-31T20:00:00Z",
            10,
            1)); // 4 hours before NOW
    l.add(
        license(
            "22222222-2222-4222-8222-222222222222",
            "Ivy",
            "Valid",
            "2030-01-01T05:00:00Z",
            10,
            1)); // 5 hours after NOW
    l.add(license("33333333-3333-4333-8333-333333333333", "Juniper", null, FAR, 10, 1));
    l.add(license("44444444-4444-4444-8444-444444444444", null, "Warning", FAR, 10, 1));
    try (VspcEmulator vspc = serve(l)) {
      Cli.Result r = check(vspc);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out().lines())
          .containsExactly(
              "LICENSES CRITICAL - 2 critical, 2 warning of 4 licences (1 expired) | licenses=4"
                  + " critical=2 warning=2 expired=1 min_days_left=0;60:;15:",
              "CRITICAL: Hazel (backupServerUid 11111111-1111-4111-8111-111111111111): expired today"
                  + " (2029-12-31T20:00:00Z)",
              "CRITICAL: Ivy (backupServerUid 22222222-2222-4222-8222-222222222222): expires within"
                  + " a day (2030-01-01T05:00:00Z)",
              "WARNING: Juniper (backupServerUid 33333333-3333-4333-8333-333333333333): no status",
              "WARNING: (no company) (backupServerUid 44444444-4444-4444-8444-444444444444): status"
                  + " Warning");
      // both are required by the API document: kept, with a warning each
      assertThat(r.err().lines())
          .containsExactly(
              "warning: $.data[2].status: must not be null (licence backupServerUid"
                  + " 33333333-3333-4333-8333-333333333333)",
              "warning: $.data[3].company: must not be null (licence backupServerUid"
                  + " 44444444-4444-4444-8444-444444444444)");
    }
  }

  @Test
  void warningForExpiryWithinWarnDaysAndUnknownOrNewStatuses() throws IOException {
    List<Map<String, Object>> l = healthy();
    l.add(
        license(
            "44444444-4444-4444-8444-444444444444",
            "Drumlin",
            "Valid",
            "2030-01-31T00:00:00Z",
            10,
            1));
    l.add(license("55555555-5555-4555-8555-555555555555", "Ember", "unknown", FAR, 10, 1));
    l.add(license("66666666-6666-4666-8666-666666666666", "Fjord", "Suspended", FAR, 10, 1));
    l.add(license("77777777-7777-4777-8777-777777777777", "Granite", "Warning", FAR, 10, 1));
    try (VspcEmulator vspc = serve(l)) {
      Cli.Result r = check(vspc);
      assertThat(r.code()).isEqualTo(1);
      List<String> lines = r.out().lines().toList();
      assertThat(lines.get(0))
          .startsWith("LICENSES WARNING - 0 critical, 4 warning of 7 licences")
          .endsWith("| licenses=7 critical=0 warning=4 expired=0 min_days_left=30;60:;15:");
      assertThat(lines).hasSize(5);
      assertThat(lines)
          .contains(
              "WARNING: Drumlin (backupServerUid 44444444-4444-4444-8444-444444444444): expires in"
                  + " 30 days (2030-01-31T00:00:00Z)",
              "WARNING: Ember (backupServerUid 55555555-5555-4555-8555-555555555555): status Unknown",
              "WARNING: Fjord (backupServerUid 66666666-6666-4666-8666-666666666666): status"
                  + " 'Suspended' not known to this version");
      // a shorter window makes the expiry fine
      assertThat(check(vspc, "--warn-days", "20", "--crit-days", "10").out())
          .doesNotContain("Drumlin");
    }
  }

  @Test
  void criticalForBadStatusesNearOrPastExpiryAndOveruse() throws IOException {
    List<Map<String, Object>> l = healthy();
    l.add(license("a1111111-1111-4111-8111-111111111111", "Expired Co", "Expired", FAR, 10, 1));
    l.add(license("a2222222-2222-4222-8222-222222222222", "Error Co", "Error", FAR, 10, 1));
    l.add(
        license("a3333333-3333-4333-8333-333333333333", "Unlicensed Co", "unlicensed", FAR, 10, 1));
    l.add(
        license(
            "a4444444-4444-4444-8444-444444444444",
            "Soon Co",
            "Valid",
            "2030-01-06T00:00:00Z",
            10,
            1));
    l.add(
        license(
            "a5555555-5555-4555-8555-555555555555",
            "Past Co",
            "Valid",
            "2029-12-22T00:00:00Z",
            10,
            1));
    l.add(license("a6666666-6666-4666-8666-666666666666", "Over Co", "Valid", FAR, 10, 12));
    l.add(
        license(
            "a7777777-7777-4777-8777-777777777777",
            "Due Co",
            "Valid",
            "2030-02-15T00:00:00Z",
            10,
            1));
    try (VspcEmulator vspc = serve(l)) {
      Cli.Result r = check(vspc, "--warn-days", "60", "--crit-days", "15");
      assertThat(r.code()).isEqualTo(2);
      List<String> lines = r.out().lines().toList();
      assertThat(lines.get(0))
          .isEqualTo(
              "LICENSES CRITICAL - 6 critical, 1 warning of 10"
                  + " licences (2 expired) | licenses=10 critical=6 warning=1 expired=2"
                  + " min_days_left=-10;60:;15:");
      assertThat(lines.subList(1, 7)).allMatch(line -> line.startsWith("CRITICAL: "));
      assertThat(lines.get(7)).startsWith("WARNING: Due Co");
      assertThat(r.out())
          .contains(
              "Expired Co (backupServerUid a1111111",
              "status Expired",
              "status Error",
              "status Unlicensed",
              "Soon Co",
              "expires in 5 days",
              "Past Co",
              "expired 10 days ago",
              "uses 12 of 10 units");
      // with a later clock, the next expiry turns critical too
      assertThat(Cli.run(against(vspc.baseUrl(), "check", "--now", "2030-02-10")).out())
          .contains("CRITICAL: Due Co");
    }
  }

  @Test
  void detailLinesAreCappedWithCriticalsKeptFirst() throws IOException {
    List<Map<String, Object>> l = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      l.add(license(uid(i), "Warn " + i, "Warning", FAR, 10, 1));
    }
    for (int i = 150; i < 153; i++) {
      l.add(license(uid(i), "Crit " + i, "Error", FAR, 10, 1));
    }
    try (VspcEmulator vspc = serve(l)) {
      List<String> lines = check(vspc).out().lines().toList();
      assertThat(lines).hasSize(1 + CheckCommand.MAX_DETAILS + 1);
      assertThat(lines.get(0)).startsWith("LICENSES CRITICAL - 3 critical, 150 warning of 153");
      assertThat(lines.subList(1, 4)).allMatch(line -> line.startsWith("CRITICAL: Crit 15"));
      assertThat(lines.get(4)).startsWith("WARNING: Warn 0 ");
      assertThat(lines.get(100)).startsWith("WARNING: Warn 96 ");
      assertThat(lines.get(101)).isEqualTo("... and 53 more licences at fault");
    }
    for (int i = 153; i < 260; i++) {
      l.add(license(uid(i), "Crit " + i, "Error", FAR, 10, 1));
    }
    try (VspcEmulator vspc = serve(l)) {
      List<String> lines = check(vspc).out().lines().toList();
      assertThat(lines).hasSize(1 + CheckCommand.MAX_DETAILS + 1);
      assertThat(lines.subList(1, 101)).allMatch(line -> line.startsWith("CRITICAL: "));
      assertThat(lines.get(1)).startsWith("CRITICAL: Crit 150 ");
      assertThat(lines.get(101)).isEqualTo("... and 160 more licences at fault");
    }
  }

  static String uid(int i) {
    return String.format("%08d-0000-4000-8000-000000000000", i);
  }

  @Test
  void unknownWhenTheServerCannotBeRead() throws IOException {
    try (VspcEmulator vspc = serve(healthy())) {
      Cli.Result denied = Cli.run("--url", vspc.baseUrl(), "--token", Cli.WRONG_TOKEN, "check");
      assertThat(denied.code()).isEqualTo(3);
      assertThat(denied.out())
          .startsWith("LICENSES UNKNOWN - the server rejected the token" + " (HTTP 401)")
          .contains("check the token");
      assertThat(denied.out().lines()).hasSize(1);
    }
    List<Map<String, Object>> broken = healthy();
    broken.get(1).put("autoUpdateEnabled", null);
    try (VspcEmulator vspc = serve(broken)) {
      Cli.Result strict = Cli.run(against(vspc.baseUrl(), "--strict", "check", "--now", NOW));
      assertThat(strict.code()).isEqualTo(3);
      assertThat(strict.out())
          .startsWith("LICENSES UNKNOWN - ")
          .contains("$.data[1].autoUpdateEnabled");
      Cli.Result lenient = check(vspc);
      assertThat(lenient.code()).isZero();
      assertThat(lenient.err()).contains("warning: $.data[1].autoUpdateEnabled");
    }
  }

  @Test
  void unknownForBadThresholdsAndOptions() {
    try (VspcEmulator vspc =
        VspcEmulator.builder().token(TOKEN).dataset(Dataset.synthetic(1, 1)).start()) {
      Cli.Result inverted = check(vspc, "--warn-days", "10", "--crit-days", "20");
      assertThat(inverted.code()).isEqualTo(3);
      assertThat(inverted.out())
          .startsWith("LICENSES UNKNOWN - --warn-days (10) must be at" + " least --crit-days (20)");
      assertThat(check(vspc, "--crit-days", "-1").code()).isEqualTo(3);
      assertThat(check(vspc, "--now", "yesterday").out()).startsWith("LICENSES UNKNOWN - ");
      assertThat(Cli.run("check").out()).startsWith("LICENSES UNKNOWN - no server");
    }
  }

  @Test
  void aBadGlobalOptionBeforeCheckIsUnknownButAnOptionValueNamedCheckIsNotACheck() {
    // Parsing stops at the root command: what counts is whether the command given is check.
    Cli.Result beforeCheck = Cli.run("--timeout", "soon", "check");
    assertThat(beforeCheck.code()).isEqualTo(3);
    assertThat(beforeCheck.out()).startsWith("LICENSES UNKNOWN - ").contains("--timeout");
    Cli.Result joined = Cli.run("--page-size=0", "check");
    assertThat(joined.code()).isEqualTo(3);
    assertThat(joined.out()).startsWith("LICENSES UNKNOWN - --page-size must be between 1 and 500");

    Cli.Result urlNamedCheck = Cli.run("--url", "check", "list");
    assertThat(urlNamedCheck.code()).isEqualTo(2);
    assertThat(urlNamedCheck.out()).isEmpty();
    assertThat(urlNamedCheck.err()).startsWith("vspc-licenses: error: ").contains("'--url'");
  }

  @Test
  void anErrorInsideCheckIsStillUnknownOnStdout() throws IOException {
    // An Error (here from printing the result) is not an Exception: picocli lets it through.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream failingOnce =
        new PrintStream(out, true, StandardCharsets.UTF_8) {
          private boolean failed;

          @Override
          public void println(String line) {
            if (!failed) {
              failed = true;
              throw new StackOverflowError("printing the result");
            }
            super.println(line);
          }
        };
    try (VspcEmulator vspc = serve(healthy())) {
      int code =
          Main.run(
              against(vspc.baseUrl(), "check", "--now", NOW),
              failingOnce,
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of());
      assertThat(code).isEqualTo(3);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "LICENSES UNKNOWN - unexpected"
                  + " StackOverflowError: printing the result; run again with --verbose for details and"
                  + " report it\n");
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
  }
}

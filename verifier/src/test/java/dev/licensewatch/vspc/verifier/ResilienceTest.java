package dev.licensewatch.vspc.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throttling, bounds, and what stops a verification before it starts. */
class ResilienceTest {

  @Test
  void a429IsWaitedOutAsTheServerAsksAndTheRunStillConforms() {
    // the 2nd and 3rd licences requests are throttled: with Retry-After, then retryAfter in the
    // body;
    // one request at a time, so the two waits of a second each follow one another
    try (VspcEmulator vspc = Verify.emulator(b -> b.licenses(120).faults("429:1@2,429body:1@3"))) {
      long start = System.nanoTime();
      VerificationReport report = Verify.run(Verify.against(vspc).pageSize(50).concurrency(1));
      assertThat(report.outcome())
          .as(report.toText(false))
          .isEqualTo(VerificationReport.Outcome.CONFORMS);
      assertThat(report.throttled()).isEqualTo(2);
      assertThat(System.nanoTime() - start).as("waited as asked").isGreaterThan(1_900_000_000L);
      assertThat(vspc.stats().licenseRequests()).isEqualTo(report.requests());
    }
  }

  @Test
  void aServerThatKeepsThrottlingMakesChecksThatCouldNotBeMade() {
    try (VspcEmulator vspc = Verify.emulator(b -> b.licenses(10).faults("429:1@5-100"))) {
      VerificationReport report =
          Verify.run(Verify.against(vspc).maxRetryAfter(java.time.Duration.ZERO));
      assertThat(report.outcome())
          .as(report.toText(false))
          .isEqualTo(VerificationReport.Outcome.INCOMPLETE);
      assertThat(report.exitCode(false)).isEqualTo(VerificationReport.EXIT_COULD_NOT_RUN);
      assertThat(Verify.ids(report, Check.Status.FAILED)).isEmpty();
      assertThat(report.toText(false)).contains("ERROR ", "could not check: HTTP 429");
    }
  }

  @Test
  void maxPagesBoundsTheWalkAndSaysSo() {
    try (VspcEmulator vspc = Verify.emulator(b -> b.licenses(300))) {
      VerificationReport report = Verify.run(Verify.against(vspc).pageSize(10).maxPages(5));
      Check walk = report.check("paging.walk-complete");
      assertThat(walk.status()).isEqualTo(Check.Status.NOT_VERIFIABLE);
      assertThat(walk.detail()).contains("--max-pages 5 pages (50 of 300 licences)");
      assertThat(report.outcome()).isEqualTo(VerificationReport.Outcome.CONFORMS);
      // the walk, 5 edges, 3 auth checks, 13 replayable pact interactions
      assertThat(report.requests()).isEqualTo(5 + 5 + 3 + 13);
    }
  }

  @Test
  void unreachableOrARejectedTokenCouldNotRun() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    VerificationReport unreachable =
        Verify.run(
            ContractVerifier.builder()
                .baseUrl(HttpUrl.get("http://127.0.0.1:" + port))
                .token(Verify.TOKEN));
    assertThat(unreachable.outcome()).isEqualTo(VerificationReport.Outcome.COULD_NOT_RUN);
    assertThat(unreachable.couldNotRunReason()).contains("ConnectException");
    assertThat(unreachable.exitCode(false)).isEqualTo(3);

    try (VspcEmulator vspc = Verify.emulator(b -> b)) {
      VerificationReport rejected =
          Verify.run(
              ContractVerifier.builder()
                  .baseUrl(HttpUrl.get(vspc.baseUrl()))
                  .token("not-" + Verify.TOKEN));
      assertThat(rejected.couldNotRunReason())
          .startsWith("the server rejected the token (HTTP 401)");
      VerificationReport lowRole =
          Verify.run(
              ContractVerifier.builder()
                  .baseUrl(HttpUrl.get(vspc.baseUrl()))
                  .token(Verify.LOW_ROLE_TOKEN));
      assertThat(lowRole.couldNotRunReason()).contains("HTTP 403");
      assertThat(lowRole.exitCode(true)).isEqualTo(3);
    }
  }

  @Test
  void tlsIsVerifiedWithTheClientsTrust(@TempDir Path dir) {
    try (VspcEmulator vspc = Verify.emulator(b -> b.licenses(20).tls(true))) {
      VerificationReport untrusted = Verify.run(Verify.against(vspc));
      assertThat(untrusted.outcome()).isEqualTo(VerificationReport.Outcome.COULD_NOT_RUN);
      assertThat(untrusted.couldNotRunReason()).contains("SSLHandshakeException");
      var trust = vspc.clientCertificates().orElseThrow();
      OkHttpClient trusting =
          new OkHttpClient.Builder()
              .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
              .build();
      VerificationReport trusted = Verify.run(Verify.against(vspc).httpClient(trusting));
      assertThat(trusted.outcome())
          .as(trusted.toText(false))
          .isEqualTo(VerificationReport.Outcome.CONFORMS);
    }
  }

  @Test
  void aTokenTheServerEchoesNeverReachesTheReport(@TempDir Path dir) throws Exception {
    Path dataset = dir.resolve("licences.json");
    Files.writeString(
        dataset,
        "[{\"autoUpdateEnabled\":true,\"status\":\""
            + Verify.TOKEN
            + "\",\"company\":\""
            + Verify.LOW_ROLE_TOKEN
            + "\"}]");
    try (VspcEmulator vspc = Verify.emulator(b -> b.datasetFile(dataset))) {
      VerificationReport report = Verify.run(Verify.against(vspc)); // scans every format
      Finding echoed = report.check("document.additions").first(Finding.Severity.ADDITION);
      assertThat(echoed.actual()).isEqualTo("'***'");
    }
  }
}

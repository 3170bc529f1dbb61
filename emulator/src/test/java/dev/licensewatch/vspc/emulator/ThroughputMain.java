package dev.licensewatch.vspc.emulator;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Measures how fast the emulator serves: 100,000 licences in pages of 500 over loopback with a
 * plain OkHttp client, several rounds. Prints figures, asserts nothing. Run with {@code ./mvnw -pl
 * emulator exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.licensewatch.vspc.emulator.ThroughputMain} or from an IDE.
 */
public final class ThroughputMain {

  private ThroughputMain() {}

  public static void main(String[] args) throws IOException {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long buildStart = System.nanoTime();
    try (VspcEmulator vspc = VspcEmulator.builder().licenses(total).seed(1).start()) {
      System.out.printf(
          "built and started %,d licences in %d ms%n",
          total, (System.nanoTime() - buildStart) / 1_000_000);
      OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
      for (int round = 1; round <= 5; round++) {
        long bytes = 0;
        long licenses = 0;
        long start = System.nanoTime();
        for (int offset = 0; offset < total; offset += 500) {
          Request request =
              new Request.Builder()
                  .url(vspc.licensesUrl() + "?limit=500&offset=" + offset)
                  .header("Authorization", "Bearer " + VspcEmulator.DEFAULT_TOKEN)
                  .build();
          try (Response response = client.newCall(request).execute()) {
            bytes += response.body().bytes().length;
          }
          licenses += Math.min(500, total - offset);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "round %d: %,d licences, %.1f MB in %.3f s = %,.0f licences/s, " + "%.0f MB/s%n",
            round, licenses, bytes / 1e6, seconds, licenses / seconds, bytes / 1e6 / seconds);
      }
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}

package dev.licensewatch.vspc.benchmarks;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.Locale;
import java.util.Map;

/**
 * A loop to profile under JFR: {@code java -XX:StartFlightRecording=filename=ours.jfr -cp
 * vspc-benchmarks.jar dev.licensewatch.vspc.benchmarks.Profile ours|floor|stock|decode SECONDS}, or
 * {@code Profile decode-cpu ROUNDS} to compare decoders by thread CPU time (see
 * DecodeBench#cpuPerPage).
 */
public final class Profile {
  private Profile() {}

  public static void main(String[] args) throws Exception {
    String what = args[0];
    long seconds = Long.parseLong(args[1]);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long walks = 0;
    if (what.equals("decode-cpu")) {
      decodeCpu(seconds);
      return;
    }
    if (what.equals("decode")) {
      DecodeBenchmark bench = new DecodeBenchmark();
      bench.datasetSize = 100_000;
      bench.seed = 42;
      bench.setUp();
      while (System.nanoTime() < end) {
        bench.ours();
        walks++;
      }
      System.out.println(walks + " pages decoded");
      return;
    }
    try (VspcEmulator emulator = VspcEmulator.builder().licenses(100_000).seed(42).start();
        Contenders.Fetcher fetcher =
            switch (what) {
              case "ours" ->
                  Contenders.ours(emulator.baseUrl(), VspcEmulator.DEFAULT_TOKEN, 500, 1);
              case "floor" -> Contenders.floor(emulator.baseUrl(), VspcEmulator.DEFAULT_TOKEN, 500);
              case "stock" -> Contenders.stock(emulator.baseUrl(), VspcEmulator.DEFAULT_TOKEN, 500);
              default -> throw new IllegalArgumentException(what);
            }) {
      while (System.nanoTime() < end) {
        fetcher.fetchAll();
        walks++;
      }
    }
    System.out.println(walks + " walks of 100000 licences");
  }

  private static void decodeCpu(long rounds) throws Exception {
    Map<String, Stats> byDecoder = DecodeBench.cpuPerPage(100_000, (int) rounds);
    byDecoder.forEach(
        (name, st) ->
            System.out.printf(
                Locale.ROOT,
                "%-8s CPU ms/page median %.3f (min %.3f, max %.3f, n=%d)%n",
                name,
                st.median(),
                st.min(),
                st.max(),
                st.n()));
  }
}

package dev.licensewatch.vspc.benchmarks;

import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs in a child JVM with a small heap: {@code stream|list baseUrl token concurrency}. Prints one
 * {@code RESULT} line; exits 3 after an OutOfMemoryError (expected for {@code list}).
 */
public final class MemoryChild {
  private MemoryChild() {}

  private static volatile long peakUsed;

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String baseUrl = args[1];
    String token = args[2];
    int concurrency = Integer.parseInt(args[3]);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Thread sampler =
        new Thread(
            () -> {
              while (true) {
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > peakUsed) {
                  peakUsed = used;
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    long count = 0;
    List<BackupServerLicense> kept = mode.equals("list") ? new ArrayList<>() : null;
    try (VspcLicensingClient client =
            VspcLicensingClient.builder()
                .baseUrl(baseUrl)
                .token(token)
                .pageSize(500)
                .concurrency(concurrency)
                .build();
        Stream<BackupServerLicense> stream = client.stream()) {
      Iterator<BackupServerLicense> it = stream.iterator();
      while (it.hasNext()) {
        BackupServerLicense licence = it.next();
        count++;
        if (kept != null) {
          kept.add(licence);
        }
      }
    } catch (OutOfMemoryError e) {
      kept = null;
      printResult("OutOfMemoryError", count, start);
      System.out.flush();
      System.exit(3);
    }
    printResult("completed", count, start);
  }

  /** The line MemoryBench reads from this child's stdout. */
  private static void printResult(String outcome, long count, long start) {
    System.out.println(
        "RESULT outcome="
            + outcome
            + " count="
            + count
            + " seconds="
            + (System.nanoTime() - start) / 1e9
            + " peakUsedBytes="
            + peakUsed
            + " poolPeakBytes="
            + poolPeaks()
            + " maxHeapBytes="
            + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
  }

  /** Sum of the heap pools' own peaks: an upper bound (the pools peak at different times). */
  private static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}

package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.ContractViolation;
import dev.licensewatch.vspc.client.Drift;
import dev.licensewatch.vspc.client.VspcEventListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints what the client reports: a warning per contract violation (lenient mode) and per drift,
 * and, on a terminal, {@code pages fetched N/M} for long walks.
 */
final class Events implements VspcEventListener {
  /** Progress is shown only for walks of at least this many pages. */
  static final int LONG_WALK_PAGES = 10;

  private static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;

  private final Io io;
  private final boolean progress;
  private final int pageSize;
  private final AtomicInteger pages = new AtomicInteger();
  private long lastPrinted;
  private boolean printed;
  private volatile boolean finished;
  private volatile boolean violationsMuted;

  Events(Io io, boolean progress, int pageSize) {
    this.io = io;
    this.progress = progress;
    this.pageSize = Math.max(1, pageSize);
  }

  @Override
  public void pageFetched(int offset, int count, int total) {
    int fetched = pages.incrementAndGet();
    if (!progress || finished || total < 0) {
      return;
    }
    int expected = (int) ((total + (long) pageSize - 1) / pageSize);
    if (expected < LONG_WALK_PAGES) {
      return;
    }
    synchronized (this) {
      if (finished) {
        return;
      }
      long now = System.nanoTime();
      if (printed && now - lastPrinted < PROGRESS_INTERVAL_NANOS && fetched < expected) {
        return;
      }
      lastPrinted = now;
      printed = true;
      synchronized (io.err) {
        io.err.print("\rpages fetched " + fetched + "/" + expected);
        io.err.flush();
      }
    }
  }

  @Override
  public void drift(Drift drift) {
    clearProgress();
    io.warn(drift.toString());
  }

  /** For verify, which reports every violation itself (a warning would say it twice). */
  void muteViolations() {
    violationsMuted = true;
  }

  @Override
  public void contractViolation(ContractViolation violation) {
    if (violationsMuted) {
      return;
    }
    clearProgress();
    io.warn(violation.toString());
  }

  /** Ends the progress line, if one was printed. */
  synchronized void finish() {
    finished = true;
    clearProgress();
  }

  private synchronized void clearProgress() {
    if (printed) {
      synchronized (io.err) {
        io.err.print("\r\033[K");
        io.err.flush();
      }
      printed = false;
    }
  }
}

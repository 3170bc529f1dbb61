package dev.licensewatch.vspc.client;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk over the collection by {@code limit}/{@code offset}.
 *
 * <p>Stops when the offset reaches the latest {@code total} (or, without {@code meta}, on a short
 * or empty page); a page that makes no progress ends the walk with {@link VspcPagingException}.
 * With a prefetch executor, up to {@code concurrency} requests are on the wire at once (fewer while
 * the server throttles: {@link Window}), and twice that many pages are planned ahead of the one
 * being consumed: a page waits in the window for a place, so a place freed by an answer is taken at
 * once, whatever the consumer is doing. Pages are consumed strictly in offset order. A change of
 * {@code total} is reported as {@link Drift}; repeats it causes are dropped by {@code
 * backupServerUid} within a bounded window.
 */
final class Paginator implements Iterator<BackupServerLicense>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);

  /**
   * Licences remembered (by id) to catch repeats: an insertion of up to this many licences before
   * the current offset, between two page requests, is caught whatever the page size (it is well
   * over twice the largest page, {@link VspcLicensingClient#MAX_PAGE_SIZE}; about 1 MB of heap).
   */
  private static final int RECENT_LICENSES = 10_000;

  private final Requests requests;
  private final LicenseQuery query; // every page carries the same filter, sort and select
  private final int pageSize;
  private final @Nullable ExecutorService executor;
  private final @Nullable Window window; // with the executor only
  private final VspcEventListener listener;
  private final boolean failOnDrift;

  private final ArrayDeque<Pending> ahead = new ArrayDeque<>();
  private final RecentLicenses recent;
  private int nextOffset; // offset of the next page to consume
  private int plannedOffset; // offset of the next page to request ahead
  private int stride; // how far apart pages lie: the page size, or less if the server caps it
  private int firstTotal = Integer.MIN_VALUE;
  private int lastTotal = Integer.MIN_VALUE;
  private boolean done;
  private boolean closed;
  private @Nullable Iterator<BackupServerLicense> current;
  private @Nullable BackupServerLicense next;
  private List<BackupServerLicense> previousPage = List.of(); // without meta only

  Paginator(
      Requests requests,
      LicenseQuery query,
      int pageSize,
      int concurrency,
      boolean adaptive,
      @Nullable ExecutorService executor,
      VspcEventListener listener,
      boolean failOnDrift) {
    this.requests = requests;
    this.query = query;
    this.pageSize = pageSize;
    this.executor = executor;
    this.window = executor == null ? null : new Window(concurrency, adaptive, listener);
    this.listener = listener;
    this.failOnDrift = failOnDrift;
    this.recent = new RecentLicenses(RECENT_LICENSES);
    this.stride = pageSize;
  }

  private static final class Pending {
    final int offset;
    final Future<LicensePage> page;
    final Requests.Cancellation cancellation;

    Pending(int offset, Future<LicensePage> page, Requests.Cancellation cancellation) {
      this.offset = offset;
      this.page = page;
      this.cancellation = cancellation;
    }

    /** Stops the request, its retries and waits included; a plain future cancel would not. */
    void cancel() {
      cancellation.cancel();
      page.cancel(true);
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (current != null && current.hasNext()) {
        next = current.next();
        continue;
      }
      if (done || closed) {
        close();
        return false;
      }
      try {
        consume(take());
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    return true;
  }

  @Override
  public BackupServerLicense next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BackupServerLicense result = next;
    next = null;
    return result;
  }

  private LicensePage take() {
    Pending pending = ahead.poll();
    if (pending != null && pending.offset != nextOffset) {
      // A short page moved the offsets: what was requested ahead no longer lines up.
      pending.cancel();
      cancelAhead();
      pending = null;
    }
    if (pending == null) {
      plannedOffset = nextOffset + stride;
      return requests.fetch(query, pageSize, nextOffset, new Requests.Cancellation(), window);
    }
    return await(pending.page);
  }

  private static LicensePage await(Future<LicensePage> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause; // already a VspcException
      }
      if (cause instanceof Error) {
        throw (Error) cause; // an OutOfMemoryError must stay one for the caller
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.stopped("interrupted while waiting for a page", null, null);
    } catch (CancellationException e) {
      throw Failures.stopped("a prefetched page was cancelled", null, null);
    }
  }

  private void consume(LicensePage page) {
    int offset = nextOffset;
    List<BackupServerLicense> licenses = page.licenses();
    int total = page.total();
    listener.pageFetched(offset, licenses.size(), total);
    if (total >= 0) {
      if (firstTotal == Integer.MIN_VALUE) {
        firstTotal = total;
      } else if (total != lastTotal) {
        drift(total, offset, page.requestId());
      }
      lastTotal = total;
    } else {
      recent.checkRepeats(); // no total to watch: only repeated ids can show a stuck server
    }
    List<BackupServerLicense> fresh = recent.keepNew(licenses);
    current = fresh.iterator();
    nextOffset = offset + licenses.size();

    if (total >= 0) {
      if (nextOffset >= total) {
        done = true;
      } else if (licenses.isEmpty()) {
        throw new VspcPagingException(
            "no progress: the server reported "
                + total
                + " licences but returned none at offset "
                + offset,
            page.requestId(),
            null);
      }
    } else if (licenses.size() < pageSize) {
      done = true; // no meta: a short or empty page is the last one
    } else if (fresh.isEmpty() || licenses.equals(previousPage)) {
      // No meta and a full page of licences already returned (by id, or, without ids, the same
      // page again): a server that ignores the offset would otherwise be asked for ever.
      throw new VspcPagingException(
          "no progress: the page at offset "
              + offset
              + " repeated only licences already returned"
              + " and the server sent no total; it may ignore the offset",
          page.requestId(),
          null);
    }
    previousPage = total < 0 ? licenses : List.of();
    if (!done && !licenses.isEmpty() && licenses.size() < stride) {
      stride = licenses.size(); // the server serves smaller pages than asked: plan by what it sends
      cancelAhead();
      plannedOffset = nextOffset;
    }
    if (done) {
      cancelAhead();
    } else {
      planAhead(total);
    }
  }

  private void drift(int total, int offset, String requestId) {
    int skipped = Math.max(0, lastTotal - total);
    Drift drift = new Drift(firstTotal, total, offset, skipped);
    int grown = total - lastTotal;
    if (grown > recent.capacity()) {
      log.warn(
          "{} licences were inserted while paging, more than the {} recent licences this walk"
              + " remembers: some may be delivered twice (request id {})",
          grown,
          recent.capacity(),
          requestId);
    }
    recent.grow(grown); // an insertion can push up to that many licences back into later pages
    recent.checkRepeats();
    log.warn("{} (request id {})", drift, requestId);
    listener.drift(drift);
    if (failOnDrift) {
      throw new VspcPagingException(drift.toString(), requestId, drift);
    }
  }

  private void planAhead(int total) {
    if (executor == null || window == null || total < 0) {
      return;
    }
    if (plannedOffset < nextOffset) {
      plannedOffset = nextOffset;
    }
    // Twice the window: pages that arrived before the one the consumer waits for, or while it is
    // busy, must not keep the next ones off the wire; the rest wait in the window for a place.
    for (int room = 2 * window.size(); ahead.size() < room && plannedOffset < total; ) {
      int offset = plannedOffset;
      Requests.Cancellation cancellation = new Requests.Cancellation();
      Future<LicensePage> future;
      try {
        future =
            executor.submit(() -> requests.fetch(query, pageSize, offset, cancellation, window));
      } catch (RejectedExecutionException e) {
        throw new IllegalStateException("the client was closed while paging", e);
      }
      ahead.add(new Pending(offset, future, cancellation));
      plannedOffset += stride;
    }
  }

  private void cancelAhead() {
    for (Pending pending : ahead) {
      pending.cancel();
    }
    ahead.clear();
  }

  /** Cancels pages requested ahead; the walk ends. */
  @Override
  public void close() {
    closed = true;
    cancelAhead();
  }
}

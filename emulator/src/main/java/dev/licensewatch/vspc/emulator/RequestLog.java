package dev.licensewatch.vspc.emulator;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last requests answered, oldest first, and the licences served in all: what proves that a
 * filter kept the rest of the collection off the network.
 */
final class RequestLog {
  /** Requests kept; older ones are dropped (the count of licences served keeps them all). */
  static final int CAPACITY = 10_000;

  private final ArrayDeque<LoggedRequest> entries = new ArrayDeque<>();
  private final LongAdder licenses = new LongAdder();

  LoggedRequest add(Request request, Response response) {
    LoggedRequest entry =
        new LoggedRequest(
            request.method(), request.target(), response.status(), response.licenses());
    synchronized (entries) {
      if (entries.size() == CAPACITY) {
        entries.removeFirst();
      }
      entries.addLast(entry);
      licenses.add(response.licenses());
    }
    return entry;
  }

  /**
   * Undoes {@link #add} of this very {@code entry}, whose response could not be sent; nothing if
   * the log was cleared since (or the entry dropped), so a reset stays a reset.
   */
  void takeBack(LoggedRequest entry) {
    synchronized (entries) {
      for (Iterator<LoggedRequest> it = entries.descendingIterator(); it.hasNext(); ) {
        if (it.next() == entry) {
          it.remove();
          licenses.add(-entry.licenses());
          return;
        }
      }
    }
  }

  List<LoggedRequest> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  long licenses() {
    return licenses.sum();
  }

  void clear() {
    synchronized (entries) {
      entries.clear();
      licenses.reset();
    }
  }
}

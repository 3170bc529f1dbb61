package dev.licensewatch.vspc.emulator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last requests answered, oldest first, and the licences served in all: what proves that
 * a filter kept the rest of the collection off the network.
 */
final class RequestLog {
  /** Requests kept; older ones are dropped (the count of licences served keeps them all). */
  static final int CAPACITY = 10_000;

  private final ArrayDeque<LoggedRequest> entries = new ArrayDeque<>();
  private final LongAdder licenses = new LongAdder();

  LoggedRequest add(Request request, Response response) {
    LoggedRequest entry = new LoggedRequest(request.method(), request.target(), response.status(),
        response.licenses());
    licenses.add(response.licenses());
    synchronized (entries) {
      if (entries.size() == CAPACITY) {
        entries.removeFirst();
      }
      entries.addLast(entry);
    }
    return entry;
  }

  /** Undoes {@link #add} of {@code entry}, whose response could not be sent. */
  void takeBack(LoggedRequest entry) {
    licenses.add(-entry.licenses());
    synchronized (entries) {
      entries.removeLastOccurrence(entry);
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
    }
    licenses.reset();
  }
}

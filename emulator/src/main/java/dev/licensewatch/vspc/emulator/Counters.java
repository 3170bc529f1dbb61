package dev.licensewatch.vspc.emulator;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the emulator has served, for {@link VspcEmulator#stats()} and its request log. */
final class Counters {

  /** A way of sending a response that may fail part way. */
  interface Sending {
    void run() throws IOException, InterruptedException;
  }

  private final LongAdder requests = new LongAdder();
  private final LongAdder licenseRequests = new LongAdder();
  private final Map<FaultKind, LongAdder> faults = new EnumMap<>(FaultKind.class);
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final LongAdder bytesSent = new LongAdder();
  private final RequestLog log = new RequestLog();

  Counters() {
    for (FaultKind kind : FaultKind.values()) {
      faults.put(kind, new LongAdder());
    }
  }

  void request() {
    requests.increment();
  }

  void licenseRequest() {
    licenseRequests.increment();
  }

  void fault(FaultKind kind) {
    faults.get(kind).increment();
  }

  /** Where the HTTP server adds the bytes it hands to sockets. */
  LongAdder bytesSent() {
    return bytesSent;
  }

  /** Sends a complete response, counted. */
  void send(Request request, Exchange exchange, Response response)
      throws IOException, InterruptedException {
    counted(request, response, () -> exchange.send(response));
  }

  /**
   * Counts and logs the response before {@code sending} it, and takes both back if sending fails:
   * counted or logged after, a client could hold its response before the stats or the request log
   * show it.
   */
  void counted(Request request, Response response, Sending sending)
      throws IOException, InterruptedException {
    LongAdder sent = statuses.computeIfAbsent(response.status(), k -> new LongAdder());
    sent.increment();
    LoggedRequest logged = log.add(request, response);
    try {
      sending.run();
    } catch (IOException | InterruptedException | RuntimeException e) {
      sent.decrement();
      log.takeBack(logged);
      throw e;
    }
  }

  EmulatorStats snapshot() {
    Map<FaultKind, Long> f = new EnumMap<>(FaultKind.class);
    faults.forEach(
        (kind, n) -> {
          if (n.sum() > 0) {
            f.put(kind, n.sum());
          }
        });
    Map<Integer, Long> s = new LinkedHashMap<>();
    statuses.forEach((status, n) -> s.put(status, n.sum()));
    return new EmulatorStats(
        requests.sum(), licenseRequests.sum(), f, s, log.licenses(), bytesSent.sum());
  }

  List<LoggedRequest> log() {
    return log.entries();
  }

  void reset() {
    requests.reset();
    licenseRequests.reset();
    faults.values().forEach(LongAdder::reset);
    statuses.clear();
    bytesSent.reset();
    log.clear();
  }
}

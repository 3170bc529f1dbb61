package dev.licensewatch.vspc.emulator;

import dev.licensewatch.vspc.emulator.FaultPlan.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Serves a fault instead of the answer a licences request would get (see {@link FaultKind}). */
final class FaultResponder {

  private static final Response SERVER_ERROR_520 =
      Response.error(520, "Failed to retrieve the licenses of the managed servers.", "unspecified");
  private static final Response UNAVAILABLE_503 = Response.text(503, "Service Unavailable");
  private static final long MIB = 1L << 20;

  /** The longest a page's part before its licences can be. */
  private static final int MAX_PAGE_PREFIX =
      Json.pagePrefix(Integer.MAX_VALUE, Integer.MAX_VALUE, 0).length;

  private final Counters counters;

  FaultResponder(Counters counters) {
    this.counters = counters;
  }

  /**
   * Serves {@code fault}; {@code answer} gives what the request would get without it, for the
   * faults that spoil a real answer. {@code store} is what a huge page repeats.
   */
  void respond(
      Fault fault,
      Request request,
      Exchange exchange,
      LicenseStore store,
      Supplier<Response> answer)
      throws IOException, InterruptedException {
    counters.fault(fault.kind());
    int arg = fault.argument();
    switch (fault.kind()) {
      case THROTTLE ->
          counters.send(
              request,
              exchange,
              Response.tooManyRequests(null).withHeader("Retry-After", Integer.toString(arg)));
      case THROTTLE_BODY -> counters.send(request, exchange, Response.tooManyRequests(arg));
      case THROTTLE_BOTH ->
          counters.send(
              request,
              exchange,
              Response.tooManyRequests(arg).withHeader("Retry-After", Integer.toString(arg)));
      case UNAVAILABLE -> {
        exchange.closeAfterResponse();
        counters.send(request, exchange, UNAVAILABLE_503);
      }
      case SERVER_ERROR -> counters.send(request, exchange, SERVER_ERROR_520);
      case RESET -> exchange.sendCut(answer.get(), true);
      case TRUNCATE -> exchange.sendCut(answer.get(), false);
      case SLOW_BODY -> {
        Response r = answer.get();
        int tenth = (int) Math.max(1, (r.contentLength() + 9) / 10);
        counters.counted(request, r, () -> exchange.sendPaced(r, tenth, arg));
      }
      case DRIP -> {
        Response r = answer.get();
        counters.counted(request, r, () -> exchange.sendPaced(r, 1, arg));
      }
      case HUGE_PAGE -> hugePage(request, exchange, store, arg * MIB, false);
      case HUGE_PAGE_CHUNKED -> hugePage(request, exchange, store, arg * MIB, true);
      case HANG -> exchange.hang();
      case DELAY -> {
        Thread.sleep(arg);
        counters.send(request, exchange, answer.get());
      }
    }
  }

  /**
   * A 200 page of exactly {@code size} bytes (or the smallest page, if larger): the store's
   * licences over and over, as many as fit, then spaces before the closing bracket. They are
   * counted before the first byte goes out, so its paging info tells the truth, and written from
   * the store's cached bytes while they are sent, so nothing the size of the page is held.
   */
  private void hugePage(
      Request request, Exchange exchange, LicenseStore store, long size, boolean chunked)
      throws IOException, InterruptedException {
    int n = store.size();
    long room = size - MAX_PAGE_PREFIX - Json.PAGE_SUFFIX.length;
    long licenseBytes = 0;
    int count = 0;
    while (n > 0 && count < Integer.MAX_VALUE) {
      long next = store.get(count % n).length + (count > 0 ? 1 : 0);
      if (licenseBytes + next > room) {
        break;
      }
      licenseBytes += next;
      count++;
    }
    byte[] prefix = Json.pagePrefix(count, count, 0);
    long padding = Math.max(0, size - prefix.length - licenseBytes - Json.PAGE_SUFFIX.length);
    long length = prefix.length + licenseBytes + padding + Json.PAGE_SUFFIX.length;
    int licenses = count;
    Response head = Response.json(200, List.of()).holding(licenses);
    counters.counted(
        request,
        head,
        () ->
            exchange.sendStreamed(
                head,
                chunked ? -1 : length,
                body -> {
                  body.write(prefix);
                  for (int i = 0; i < licenses; i++) {
                    if (i > 0) {
                      body.write(Json.COMMA);
                    }
                    body.write(store.get(i % n));
                  }
                  writeSpaces(body, padding);
                  body.write(Json.PAGE_SUFFIX);
                }));
  }

  private static void writeSpaces(OutputStream body, long count) throws IOException {
    byte[] spaces = new byte[8192];
    Arrays.fill(spaces, (byte) ' ');
    for (long left = count; left > 0; left -= spaces.length) {
      body.write(spaces, 0, (int) Math.min(left, spaces.length));
    }
  }
}

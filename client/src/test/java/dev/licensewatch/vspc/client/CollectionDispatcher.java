package dev.licensewatch.vspc.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A server-side collection of licences answered by {@code limit}/{@code offset}, like VSPC: with
 * optional random delays (so that parallel responses complete out of order), a page cap, and a
 * count of requests in flight.
 */
final class CollectionDispatcher extends Dispatcher {
  private volatile List<String> items;
  volatile int cap = Integer.MAX_VALUE;
  volatile boolean meta = true;
  volatile int maxDelayMillis;

  /** Answers instead of the collection when it returns non-null (by offset). */
  volatile @Nullable IntFunction<@Nullable MockResponse> override;

  /** Runs after the n-th request (1-based) was answered from the collection. */
  volatile @Nullable IntFunction<@Nullable List<String>> changeAfter;

  final List<Integer> offsets = Collections.synchronizedList(new ArrayList<>());
  final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();

  CollectionDispatcher(List<String> items) {
    this.items = List.copyOf(items);
  }

  /** The first page from the collection, every later one as {@code answer} says (by offset). */
  void afterTheFirstPage(IntFunction<MockResponse> answer) {
    override = offset -> offset == 0 ? null : answer.apply(offset);
  }

  static CollectionDispatcher of(int total) {
    return new CollectionDispatcher(Fixtures.licenses(0, total));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      requests.add(request);
      String limitText = request.getUrl().queryParameter("limit");
      String offsetText = request.getUrl().queryParameter("offset");
      int limit = limitText == null ? 100 : Integer.parseInt(limitText);
      int offset = offsetText == null ? 0 : Integer.parseInt(offsetText);
      offsets.add(offset);
      if (maxDelayMillis > 0) {
        Thread.sleep(ThreadLocalRandom.current().nextInt(maxDelayMillis + 1));
      }
      IntFunction<@Nullable MockResponse> o = override;
      MockResponse special = o == null ? null : o.apply(offset);
      if (special != null) {
        return special;
      }
      List<String> snapshot = items;
      int from = Math.min(offset, snapshot.size());
      int to = Math.min(snapshot.size(), from + Math.min(limit, cap));
      List<String> page = snapshot.subList(from, to);
      String body =
          meta ? Fixtures.page(snapshot.size(), offset, page) : Fixtures.pageWithoutMeta(page);
      IntFunction<@Nullable List<String>> change = changeAfter;
      if (change != null) {
        List<String> changed = change.apply(served.incrementAndGet());
        if (changed != null) {
          items = List.copyOf(changed);
        }
      }
      return Fixtures.ok(body);
    } finally {
      inFlight.decrementAndGet();
    }
  }
}

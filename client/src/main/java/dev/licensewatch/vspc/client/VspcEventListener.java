package dev.licensewatch.vspc.client;

import java.time.Duration;

/**
 * Observes a client: pages fetched (for progress), retries, drift and contract violations. Methods
 * may be called from the prefetch threads; implementations must be thread-safe and fast.
 */
public interface VspcEventListener {
  /** Ignores every event. */
  VspcEventListener NONE = new VspcEventListener() {};

  /**
   * A page arrived.
   *
   * @param offset the page's offset
   * @param count licences in it
   * @param total the server's total, or -1 when it did not say
   */
  default void pageFetched(int offset, int count, int total) {}

  /**
   * A request failed, or was throttled (HTTP 429), and will be sent again after {@code wait}: zero
   * when a parallel walk narrowed its window for the 429 and the request goes again as soon as the
   * window has room.
   *
   * @param requestId the {@code X-Request-id} of the request, the same for every attempt
   * @param wait the wait before the next attempt
   * @param attempt how many times the request was sent so far, throttled ones included
   * @param reason e.g. {@code HTTP 429}, {@code HTTP 520}, {@code SocketException: Connection
   *     reset}
   */
  default void retrying(String requestId, int attempt, Duration wait, String reason) {}

  /**
   * A parallel walk changed how many pages it has in flight: halved after a 429 (never below 1),
   * then widened by one after each round of pages without a 429, up to the builder's {@code
   * concurrency}. See {@link VspcLicensingClient.Builder#adaptiveConcurrency(boolean)}.
   *
   * @param from the pages in flight before
   * @param to the pages in flight from now on
   */
  default void concurrencyChanged(int from, int to) {}

  /**
   * The collection changed while paging (see {@link Drift} for what that means for the walk).
   *
   * @param drift what changed, and where the walk was
   */
  default void drift(Drift drift) {}

  /**
   * Lenient mode only: a response broke the document; the data was kept.
   *
   * @param violation where the response broke the document, and how
   */
  default void contractViolation(ContractViolation violation) {}
}

package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/** One logical request: the generated call, retried with backoff, mapped to typed errors. */
final class Requests {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);

  private final LicensingApi api;
  private final Decoding decoding;
  private final JsonAdapter<ErrorResponse> errorAdapter;
  private final VspcLicensingClient.Settings settings;
  private final AsyncActions asyncActions;

  Requests(
      LicensingApi api,
      AsyncActionsApi actionsApi,
      Decoding decoding,
      Moshi moshi,
      VspcLicensingClient.Settings settings) {
    this.api = api;
    this.decoding = decoding;
    this.errorAdapter = moshi.adapter(ErrorResponse.class);
    this.settings = settings;
    this.asyncActions = new AsyncActions(actionsApi, decoding, errorAdapter, settings);
  }

  /**
   * Lets another thread stop one logical request: the attempt under way is cancelled and no retry
   * follows. Paging uses it to stop the pages it requested ahead.
   */
  static final class Cancellation {
    private volatile boolean cancelled;
    private volatile @Nullable Call<?> call;

    /** Registers the attempt about to be sent; false when the request was cancelled already. */
    boolean track(Call<?> attempt) {
      this.call = attempt;
      return !cancelled;
    }

    void cancel() {
      cancelled = true;
      Call<?> attempt = call;
      if (attempt != null) {
        attempt.cancel();
      }
    }

    boolean isCancelled() {
      return cancelled;
    }
  }

  private volatile boolean closed;
  // Every request under way, so that close() can stop its attempt without touching the other
  // calls of an OkHttpClient the caller supplied (as dispatcher().cancelAll() would).
  private final Set<Cancellation> live = ConcurrentHashMap.newKeySet();

  /** The client was closed: attempts under way are cancelled, no retry follows, none starts. */
  void close() {
    closed = true;
    // A request registered after this loop sees closed before its next attempt.
    live.forEach(Cancellation::cancel);
  }

  LicensePage fetch(LicenseQuery query, @Nullable Integer limit, @Nullable Integer offset) {
    return fetch(query, limit, offset, new Cancellation(), null);
  }

  /** One page; with a {@code window}, each attempt waits for a place in it (parallel walks). */
  LicensePage fetch(
      LicenseQuery query,
      @Nullable Integer limit,
      @Nullable Integer offset,
      Cancellation cancellation,
      @Nullable Window window) {
    live.add(cancellation);
    try {
      return attempts(query, limit, offset, cancellation, window);
    } finally {
      live.remove(cancellation);
    }
  }

  /**
   * Sends the request until it succeeds, fails for good, or the deadline would pass. Two budgets:
   * failures (I/O errors, 408, 5xx, 520) spend {@code maxAttempts}; a 429 does not, because it is
   * the server pacing us, not failing: the request waits as told (or backs off, without a hint) and
   * goes again, for as long as the deadline allows and no single wait is over {@code
   * maxRetryAfter}.
   */
  private LicensePage attempts(
      LicenseQuery query,
      @Nullable Integer limit,
      @Nullable Integer offset,
      Cancellation cancellation,
      @Nullable Window window) {
    UUID requestId = UUID.randomUUID();
    String id = requestId.toString();
    long deadline = 0; // from the first attempt on: waiting for a place in the window is not ours
    int failures = 0;
    int throttles = 0;
    int unpaced = 0; // throttles without a hint that the window did not answer by narrowing
    boolean holding = false; // a place in the window kept through a wait the server asked for
    try {
      for (int sent = 1; ; sent++) {
        Call<BackupServerLicenseCollection> call =
            api.getBackupServersLicenses(
                limit,
                offset,
                query.filterJson(),
                query.sortJson(),
                query.selectJson(),
                settings.clientVersion,
                requestId);
        String where = Failures.where(call.request());
        if (!cancellation.track(call) || closed) {
          throw cancelled(where, id);
        }
        int round =
            window == null
                ? 0
                : holding ? window.round() : enter(window, offset, where, id, cancellation);
        if (sent == 1) {
          deadline = settings.sleeper.nanoTime() + settings.deadline.toNanos();
        }
        settings.timeCall(call, deadline);
        Decoding.Context context = new Decoding.Context(settings.strict, id, query);
        // Exactly one of these describes a failed attempt; the exception is made where it is
        // thrown.
        Failures.@Nullable HttpFailure http = null;
        IOException io = null;
        Window.Outcome outcome = Window.Outcome.OTHER;
        boolean paced = false; // a narrower window paces the retry of this 429
        decoding.begin(context);
        try {
          Response<BackupServerLicenseCollection> response = call.execute();
          if (response.code() == 200 && response.body() != null) {
            outcome = Window.Outcome.OK;
            return accept(response.body(), context, limit, offset, id);
          }
          http = Failures.read(response, errorAdapter);
          if (http.status == 429) {
            outcome = Window.Outcome.THROTTLED;
          }
        } catch (Decoding.ContractSignal signal) {
          throw Failures.contract(signal, where, id);
        } catch (Interceptors.UnexpectedSuccess e) {
          if (e.status == 202) { // queued: the answer comes from the asynchronous action
            AsyncActions.Queued queued =
                new AsyncActions.Queued(where, id, deadline, cancellation, () -> closed);
            BackupServerLicenseCollection body = asyncActions.follow(e.location, queued, context);
            outcome = Window.Outcome.OK;
            return accept(body, context, limit, offset, id);
          }
          throw Failures.toException(
              new Failures.HttpFailure(e.status, List.of(), null, where), id, "");
        } catch (IOException e) {
          Failures.throwIfStopped(e, where, id, cancellation.isCancelled(), closed);
          io = e;
        } finally {
          decoding.end();
          if (window != null) {
            // Told to wait, a request keeps its place meanwhile: the server's wait is the walk's,
            // and the other pages must not spend the same refusal.
            holding =
                outcome == Window.Outcome.THROTTLED && http != null && http.retryAfter != null;
            paced = window.release(round, outcome, holding);
          }
        }

        boolean throttled = outcome == Window.Outcome.THROTTLED;
        boolean retryable = http != null ? http.retryable() : Failures.retryable(io);
        if (throttled) {
          throttles++;
        } else if (retryable) {
          failures++;
        }
        if (!retryable || failures >= settings.maxAttempts) {
          throw failure(
              http,
              io,
              where,
              id,
              retryable && (failures > 1 || throttles > 0)
                  ? " (after " + tally(failures, throttles) + ")"
                  : "");
        }
        Duration serverWait = http == null ? null : http.retryAfter;
        if (serverWait != null && serverWait.compareTo(settings.maxRetryAfter) > 0) {
          // Never sleep for an hour on the server's word; say so instead.
          throw failure(
              http,
              io,
              where,
              id,
              "; the server asked to wait "
                  + serverWait.toSeconds()
                  + " s, more than the "
                  + settings.maxRetryAfter.toSeconds()
                  + " s this client waits");
        }
        if (throttled && serverWait == null && !paced) {
          unpaced++;
        }
        Duration wait =
            throttled
                ? throttleWait(serverWait, paced, unpaced)
                : serverWait == null ? backoff(failures) : max(serverWait, backoff(failures));
        long remaining = deadline - settings.sleeper.nanoTime();
        if (wait.toNanos() >= remaining) {
          throw failure(
              http,
              io,
              where,
              id,
              "; gave up after "
                  + tally(failures, throttles)
                  + ": the next retry would pass the "
                  + settings.deadline.toSeconds()
                  + " s deadline");
        }
        String reason =
            http != null
                ? "HTTP " + http.status
                : io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + io.getMessage());
        pause(where, id, sent, wait, reason);
        if (cancellation.isCancelled() || closed) {
          throw cancelled(where, id);
        }
      }
    } finally {
      if (holding) {
        window.leave();
      }
    }
  }

  /**
   * The wait after a 429. Told how long, a request waits that long (at least a first backoff, so
   * that "retryAfter": 0 is no busy loop). Not told (the simultaneous limit): a window that
   * narrowed for it is wait enough, as TCP resends at once into a smaller window; otherwise the
   * request backs off more with each such 429.
   */
  private Duration throttleWait(@Nullable Duration serverWait, boolean paced, int unpaced) {
    if (serverWait != null) {
      return max(serverWait, backoff(1));
    }
    return paced ? Duration.ZERO : backoff(unpaced);
  }

  /** Tells the listener and the log, then waits; an interrupt stops the request. */
  private void pause(String where, String id, int sent, Duration wait, String reason) {
    settings.listener.retrying(id, sent, wait, reason);
    if (wait.isZero()) {
      log.debug(
          "retrying {} when the narrower window has room, after {} (attempt {},"
              + " request id {})",
          where,
          reason,
          sent,
          id);
      return;
    }
    log.debug(
        "retrying {} in {} ms after {} (attempt {}, request id {})",
        where,
        wait.toMillis(),
        reason,
        sent,
        id);
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.stopped("interrupted while waiting to retry " + where, id, null);
    }
  }

  /** "3 attempts", "1 attempt and 5 throttled requests", "2 throttled requests". */
  private static String tally(int failures, int throttles) {
    String attempts = failures + (failures == 1 ? " attempt" : " attempts");
    String throttled = throttles + (throttles == 1 ? " throttled request" : " throttled requests");
    return failures == 0 ? throttled : throttles == 0 ? attempts : attempts + " and " + throttled;
  }

  /** A place in the window for the next attempt; an interrupt (a cancelled page) stops it. */
  private int enter(
      Window window, @Nullable Integer offset, String where, String id, Cancellation cancellation) {
    try {
      return window.acquire(offset == null ? 0 : offset);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancellation.isCancelled() || closed
          ? cancelled(where, id)
          : Failures.stopped("interrupted while waiting to send " + where, id, null);
    }
  }

  private VspcIoException cancelled(String where, String id) {
    return Failures.cancelled(where, id, closed);
  }

  private static VspcException failure(
      Failures.@Nullable HttpFailure http,
      @Nullable IOException io,
      String where,
      String id,
      String suffix) {
    return http != null
        ? Failures.toException(http, id, suffix)
        : Failures.toException(Objects.requireNonNull(io), where, id, suffix);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Jitter: uniformly between half the capped exponential and the capped exponential. */
  private Duration backoff(int attempt) {
    long bound = Math.max(1, settings.backoffMillis(attempt));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
  }

  private LicensePage accept(
      BackupServerLicenseCollection body,
      Decoding.Context context,
      @Nullable Integer limit,
      @Nullable Integer offset,
      String id) {
    List<BackupServerLicense> licenses = body.data() == null ? List.of() : body.data();
    PagingInfo paging = body.meta() == null ? null : body.meta().pagingInfo();
    int requested = limit == null ? VspcLicensingClient.DEFAULT_PAGE_SIZE : limit;
    if (licenses.size() > requested) {
      context.violation(
          "$.data", "has " + licenses.size() + " licences, more than the limit " + requested, null);
    }
    if (paging != null && paging.count() != null && paging.count() != licenses.size()) {
      context.violation(
          "$.meta.pagingInfo.count",
          "is " + paging.count() + " but data has " + licenses.size() + " licences",
          null);
    }
    if (paging != null
        && paging.offset() != null
        && offset != null
        && paging.offset().intValue() != offset.intValue()) {
      context.violation(
          "$.meta.pagingInfo.offset",
          "is " + paging.offset() + " but the request asked for offset " + offset,
          null);
    }
    for (ContractViolation violation : context.violations) {
      log.warn("response broke the API document at {} (request id {})", violation, id);
      settings.listener.contractViolation(violation);
    }
    return new LicensePage(licenses, paging, id);
  }
}

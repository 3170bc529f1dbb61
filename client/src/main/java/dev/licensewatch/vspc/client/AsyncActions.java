package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Follows a 202 answer: the server queued the request as an asynchronous action named by the
 * answer's {@code Location}. Polls the action, with growing waits, until it is no longer running,
 * then reads its result, all within the request's deadline. A poll that fails the way a request may
 * be retried (I/O, 408, 429, 5xx) is just a poll that learnt nothing: the next one follows after
 * the next wait (or the server's {@code Retry-After}). Polls send no {@code X-Request-id}: the
 * queued request's id belongs to that request, and a server that de-duplicates by it must not
 * answer a poll with the queued 202.
 */
final class AsyncActions {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);

  private final AsyncActionsApi api;
  private final Decoding decoding;
  private final JsonAdapter<ErrorResponse> errorAdapter;
  private final VspcLicensingClient.Settings settings;

  AsyncActions(
      AsyncActionsApi api,
      Decoding decoding,
      JsonAdapter<ErrorResponse> errorAdapter,
      VspcLicensingClient.Settings settings) {
    this.api = api;
    this.decoding = decoding;
    this.errorAdapter = errorAdapter;
    this.settings = settings;
  }

  /** What the request this follows is: where it went and how to stop. */
  record Queued(
      String where,
      String requestId,
      long deadline,
      Requests.Cancellation cancellation,
      BooleanSupplier closed) {}

  /**
   * The page the action's result holds, decoded in {@code context} (the queued request's: strict or
   * lenient, with its selection).
   */
  BackupServerLicenseCollection follow(
      @Nullable String location, Queued queued, Decoding.Context context) {
    UUID actionId = actionId(location, queued);
    String action = "asynchronous action " + actionId;
    log.debug("{} was queued as {} (request id {})", queued.where(), action, queued.requestId());
    String status = "Running";
    Duration serverWait = null;
    for (int poll = 1; ; poll++) {
      waitOrGiveUp(pause(poll), serverWait, status, action, queued);
      Poll polled = readStatus(actionId, queued);
      serverWait = polled.retryAfter();
      if (polled.status() != null) {
        status = polled.status();
      }
      switch (status.toLowerCase(Locale.ROOT)) {
        case "succeed" -> {
          Poll result = readResult(actionId, queued, context);
          if (result.page() != null) {
            return result.page();
          }
          serverWait = result.retryAfter(); // not readable yet: poll again
        }
        case "failed" -> throw failed(actionId, queued);
        case "canceled" ->
            throw new VspcAsyncActionException(
                queued.where()
                    + " was queued as "
                    + action
                    + ", which was canceled; the request was not answered",
                202,
                List.of(),
                queued.requestId(),
                actionId.toString(),
                status);
        default -> {} // running, or a stage this version does not know
      }
    }
  }

  /** Sleeps before the next poll, or gives up when the wait would pass the deadline. */
  private void waitOrGiveUp(
      Duration pause, @Nullable Duration serverWait, String status, String action, Queued queued) {
    Duration wait = serverWait != null && serverWait.compareTo(pause) > 0 ? serverWait : pause;
    if (wait.toNanos() >= queued.deadline() - settings.sleeper.nanoTime()) {
      throw new VspcAsyncActionException(
          queued.where()
              + " was queued as "
              + action
              + ", which was still "
              + status
              + " when the "
              + settings.deadline.toSeconds()
              + " s deadline came",
          202,
          List.of(),
          queued.requestId(),
          action.substring(action.lastIndexOf(' ') + 1),
          status);
    }
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.stopped("interrupted while following " + action, queued.requestId(), null);
    }
    if (queued.cancellation().isCancelled() || queued.closed().getAsBoolean()) {
      throw stopped("following " + action, queued);
    }
  }

  /** What one poll learnt: the action's status, the page, and a wait the server asked for. */
  private record Poll(
      @Nullable String status,
      @Nullable BackupServerLicenseCollection page,
      @Nullable Duration retryAfter) {
    static final Poll NOTHING = new Poll(null, null, null);
  }

  private Poll readStatus(UUID actionId, Queued queued) {
    Call<AsyncActionResponse> call = api.getAsyncAction(actionId, settings.clientVersion, null);
    Decoding.Context strict = new Decoding.Context(true, queued.requestId(), LicenseQuery.all());
    return execute(
        call,
        queued,
        strict,
        body -> {
          AsyncActionStatus status = body.data() == null ? null : body.data().status();
          return new Poll(status == null ? null : status.value(), null, null);
        });
  }

  private Poll readResult(UUID actionId, Queued queued, Decoding.Context context) {
    Call<BackupServerLicenseCollection> call =
        api.getAsyncActionResult(actionId, settings.clientVersion, null);
    return execute(call, queued, context, page -> new Poll(null, page, null));
  }

  private <T> Poll execute(
      Call<T> call,
      Queued queued,
      Decoding.Context context,
      java.util.function.Function<T, Poll> ok) {
    String where = Failures.where(call.request());
    if (!queued.cancellation().track(call) || queued.closed().getAsBoolean()) {
      throw stopped(where, queued);
    }
    long left = Math.max(1, queued.deadline() - settings.sleeper.nanoTime());
    call.timeout().timeout(Math.min(left, settings.callTimeout.toNanos()), TimeUnit.NANOSECONDS);
    decoding.begin(context);
    try {
      Response<T> response = call.execute();
      if (response.code() == 200 && response.body() != null) {
        return ok.apply(response.body());
      }
      Failures.HttpFailure failure = Failures.read(response, errorAdapter);
      if (failure.status == 404) {
        throw new VspcAsyncActionException(
            failure.describe()
                + "; the asynchronous action of "
                + queued.where()
                + " or its result is no longer kept (the server keeps results for"
                + " about 5 minutes)",
            404,
            failure.errors,
            queued.requestId(),
            lastSegment(call.request().url().encodedPath()),
            "Succeed");
      }
      if (!failure.retryable()) {
        throw Failures.toException(
            failure, queued.requestId(), " (following " + queued.where() + ")");
      }
      log.debug("{}: HTTP {}, polling again", where, failure.status);
      return new Poll(null, null, failure.retryAfter);
    } catch (Decoding.ContractSignal signal) {
      throw new VspcContractException(
          "response from "
              + where
              + " breaks the API document at "
              + Failures.oneLine(signal.jsonPath)
              + ": "
              + Failures.oneLine(signal.problem),
          200,
          signal.jsonPath,
          signal.identity,
          queued.requestId(),
          signal);
    } catch (Interceptors.UnexpectedSuccess e) {
      return Poll.NOTHING; // 202 again: not ready
    } catch (IOException e) {
      if (queued.cancellation().isCancelled() || queued.closed().getAsBoolean()) {
        throw stopped(where, queued);
      }
      if (Thread.currentThread().isInterrupted() && e instanceof InterruptedIOException) {
        throw Failures.stopped("interrupted: " + where, queued.requestId(), e);
      }
      if (!Failures.retryable(e)) {
        throw Failures.toException(e, where, queued.requestId(), "");
      }
      log.debug("{}: {}, polling again", where, e.toString());
      return Poll.NOTHING;
    } finally {
      decoding.end();
    }
  }

  /** What the failed action's result says, best effort, in the exception. */
  private VspcAsyncActionException failed(UUID actionId, Queued queued) {
    List<ResponseError> errors = List.of();
    int status = 202;
    try {
      Call<BackupServerLicenseCollection> call =
          api.getAsyncActionResult(actionId, settings.clientVersion, null);
      if (queued.cancellation().track(call)) {
        call.timeout()
            .timeout(
                Math.max(
                    1,
                    Math.min(
                        settings.callTimeout.toNanos(),
                        queued.deadline() - settings.sleeper.nanoTime())),
                TimeUnit.NANOSECONDS);
        Response<BackupServerLicenseCollection> response = call.execute();
        if (response.code() != 200) {
          Failures.HttpFailure failure = Failures.read(response, errorAdapter);
          errors = failure.errors;
          status = failure.status;
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("could not read why asynchronous action {} failed: {}", actionId, e.toString());
    }
    String why =
        errors.isEmpty()
            ? ""
            : ": "
                + Failures.oneLine(
                    errors.get(0).message() == null ? "(no message)" : errors.get(0).message());
    return new VspcAsyncActionException(
        queued.where()
            + " was queued as asynchronous action "
            + actionId
            + ", which failed"
            + why
            + "; the request was not answered",
        status,
        errors,
        queued.requestId(),
        actionId.toString(),
        "Failed");
  }

  /** The wait before poll n: the backoff's first wait, doubling, up to the backoff's longest. */
  private Duration pause(int poll) {
    long first = settings.initialBackoff.toMillis();
    long bound = first << Math.min(20, poll - 1);
    return Duration.ofMillis(Math.min(bound, settings.maxBackoff.toMillis()));
  }

  private static UUID actionId(@Nullable String location, Queued queued) {
    String segment = location == null ? "" : lastSegment(location.replaceFirst("[?#].*$", ""));
    if (location == null || !location.contains("asyncActions/") || !isUuid(segment)) {
      throw new VspcServerException(
          "HTTP 202 from "
              + queued.where()
              + ": the server queued the"
              + " request but its Location "
              + (location == null
                  ? "is missing"
                  : "'" + Failures.oneLine(location) + "' does not name an asynchronous action")
              + "; expected .../api/v3/asyncActions/{actionId}",
          VspcException.Answer.none(202, queued.requestId()));
    }
    return UUID.fromString(segment);
  }

  private static String lastSegment(String path) {
    String trimmed = path.endsWith("/result") ? path.substring(0, path.length() - 7) : path;
    trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static boolean isUuid(String text) {
    return text.matches(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }

  private static VspcIoException stopped(String where, Queued queued) {
    return Failures.stopped(
        (queued.closed().getAsBoolean() ? "the client was closed: " : "cancelled: ") + where,
        queued.requestId(),
        null);
  }
}

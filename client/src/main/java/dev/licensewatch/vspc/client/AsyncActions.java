package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
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
    log.debug(
        "{} was queued as {} (request id {})",
        queued.where(),
        action(actionId),
        queued.requestId());
    AsyncActionStatus status = AsyncActionStatus.RUNNING; // what a 202 says until a poll answers
    Duration serverWait = null;
    for (int poll = 1; ; poll++) {
      waitOrGiveUp(pause(poll), serverWait, status, actionId, queued);
      Poll polled = readStatus(actionId, status, queued);
      serverWait = polled.retryAfter();
      if (polled.status() != null) {
        status = polled.status();
      }
      switch (status.known()) {
        case SUCCEED -> {
          Poll result = readResult(actionId, status, queued, context);
          if (result.page() != null) {
            return result.page();
          }
          serverWait = result.retryAfter(); // not readable yet: poll again
        }
        case FAILED -> throw failed(actionId, queued);
        case CANCELED ->
            throw new VspcAsyncActionException(
                queued.where()
                    + " was queued as "
                    + action(actionId)
                    + ", which was canceled; the request was not answered",
                VspcException.Answer.none(202, queued.requestId()),
                actionId.toString(),
                status.value());
        case RUNNING, UNRECOGNIZED -> {} // running, or a stage this version does not know
      }
    }
  }

  private static String action(UUID actionId) {
    return "asynchronous action " + actionId;
  }

  /** Sleeps before the next poll, or gives up when the wait would pass the deadline. */
  private void waitOrGiveUp(
      Duration pause,
      @Nullable Duration serverWait,
      AsyncActionStatus status,
      UUID actionId,
      Queued queued) {
    Duration wait = serverWait != null && serverWait.compareTo(pause) > 0 ? serverWait : pause;
    if (wait.toNanos() >= queued.deadline() - settings.sleeper.nanoTime()) {
      throw new VspcAsyncActionException(
          queued.where()
              + " was queued as "
              + action(actionId)
              + ", which was still "
              + status.value()
              + " when the "
              + settings.deadline.toSeconds()
              + " s deadline came",
          VspcException.Answer.none(202, queued.requestId()),
          actionId.toString(),
          status.value());
    }
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.stopped(
          "interrupted while following " + action(actionId), queued.requestId(), null);
    }
    if (queued.cancellation().isCancelled() || queued.closed().getAsBoolean()) {
      throw stopped("following " + action(actionId), queued);
    }
  }

  /** What one poll learnt: the action's status, the page, and a wait the server asked for. */
  private record Poll(
      @Nullable AsyncActionStatus status,
      @Nullable BackupServerLicenseCollection page,
      @Nullable Duration retryAfter) {
    static final Poll NOTHING = new Poll(null, null, null);
  }

  private Poll readStatus(UUID actionId, AsyncActionStatus status, Queued queued) {
    Call<AsyncActionResponse> call = api.getAsyncAction(actionId, settings.clientVersion, null);
    Decoding.Context strict = new Decoding.Context(true, queued.requestId(), LicenseQuery.all());
    return execute(
        call,
        actionId,
        status,
        queued,
        strict,
        body -> new Poll(body.data() == null ? null : body.data().status(), null, null));
  }

  private Poll readResult(
      UUID actionId, AsyncActionStatus status, Queued queued, Decoding.Context context) {
    Call<BackupServerLicenseCollection> call =
        api.getAsyncActionResult(actionId, settings.clientVersion, null);
    return execute(call, actionId, status, queued, context, page -> new Poll(null, page, null));
  }

  /**
   * One poll of action {@code actionId}, last known as {@code status}: what it learnt, or nothing
   * when it failed the way a request may be retried.
   */
  private <T> Poll execute(
      Call<T> call,
      UUID actionId,
      AsyncActionStatus status,
      Queued queued,
      Decoding.Context context,
      Function<T, Poll> ok) {
    String where = Failures.where(call.request());
    if (!queued.cancellation().track(call) || queued.closed().getAsBoolean()) {
      throw stopped(where, queued);
    }
    settings.timeCall(call, queued.deadline());
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
            new VspcException.Answer(404, failure.errors, queued.requestId()),
            actionId.toString(),
            status.value());
      }
      if (!failure.retryable()) {
        throw Failures.toException(
            failure, queued.requestId(), " (following " + queued.where() + ")");
      }
      log.debug("{}: HTTP {}, polling again", where, failure.status);
      return new Poll(null, null, failure.retryAfter);
    } catch (Decoding.ContractSignal signal) {
      throw Failures.contract(signal, where, queued.requestId());
    } catch (Interceptors.UnexpectedSuccess e) {
      return Poll.NOTHING; // 202 again: not ready
    } catch (IOException e) {
      Failures.throwIfStopped(
          e,
          where,
          queued.requestId(),
          queued.cancellation().isCancelled(),
          queued.closed().getAsBoolean());
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
    VspcException.Answer answer = VspcException.Answer.none(202, queued.requestId());
    try {
      Call<BackupServerLicenseCollection> call =
          api.getAsyncActionResult(actionId, settings.clientVersion, null);
      if (queued.cancellation().track(call)) {
        settings.timeCall(call, queued.deadline());
        Response<BackupServerLicenseCollection> response = call.execute();
        if (response.code() != 200) {
          Failures.HttpFailure failure = Failures.read(response, errorAdapter);
          answer = new VspcException.Answer(failure.status, failure.errors, queued.requestId());
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("could not read why {} failed: {}", action(actionId), e.toString());
    }
    List<ResponseError> errors = answer.errors();
    String why =
        errors.isEmpty()
            ? ""
            : ": "
                + Failures.oneLine(
                    errors.get(0).message() == null ? "(no message)" : errors.get(0).message());
    return new VspcAsyncActionException(
        queued.where()
            + " was queued as "
            + action(actionId)
            + ", which failed"
            + why
            + "; the request was not answered",
        answer,
        actionId.toString(),
        AsyncActionStatus.FAILED.value());
  }

  /** The wait before poll n: the backoff's first wait, doubling, up to the backoff's longest. */
  private Duration pause(int poll) {
    return Duration.ofMillis(settings.backoffMillis(poll));
  }

  private static UUID actionId(@Nullable String location, Queued queued) {
    String segment = location == null ? "" : lastSegment(location.replaceFirst("[?#].*$", ""));
    UUID id = ModelJson.parseUuid(segment);
    if (location == null || !location.contains("asyncActions/") || id == null) {
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
    return id;
  }

  private static String lastSegment(String path) {
    String trimmed = path.endsWith("/result") ? path.substring(0, path.length() - 7) : path;
    trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static VspcIoException stopped(String where, Queued queued) {
    return Failures.cancelled(where, queued.requestId(), queued.closed().getAsBoolean());
  }
}

package dev.licensewatch.vspc.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The asynchronous actions the emulator has queued, and the two resources a client follows: {@code
 * GET /api/v3/asyncActions/{actionId}} (each poll counts down the polls that say Running) and
 * {@code .../result}. Actions are kept 5 minutes, as VSPC keeps results.
 */
final class AsyncActions {
  static final String PATH = "/api/v3/asyncActions/";
  private static final long KEPT_NANOS = 5L * 60 * 1_000_000_000;
  private static final Response FAILED_520 =
      Response.error(
          520,
          "The asynchronous action failed: Failed to retrieve the licenses of the managed servers.",
          "unspecified");

  /** One queued request. */
  private static final class Action {
    final UUID id;
    final UUID initiator;
    final AsyncAnswers.Outcome outcome;
    final Response result;
    final long created = System.nanoTime();
    int runningPolls;

    Action(
        UUID id, UUID initiator, AsyncAnswers.Outcome outcome, int runningPolls, Response result) {
      this.id = id;
      this.initiator = initiator;
      this.outcome = outcome;
      this.runningPolls = runningPolls;
      this.result = result;
    }

    synchronized String status() {
      if (runningPolls > 0) {
        return "Running";
      }
      return switch (outcome) {
        case SUCCEED -> "Succeed";
        case FAIL -> "Failed";
        case CANCEL -> "Canceled";
      };
    }

    synchronized String poll() {
      String status = status();
      if (runningPolls > 0) {
        runningPolls--;
      }
      return status;
    }
  }

  private final Map<UUID, Action> actions = new ConcurrentHashMap<>();

  /** The emulator's base URL, for the absolute Location of an action. */
  private final Supplier<String> baseUrl;

  AsyncActions(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Queues a request whose answer would be {@code result}: 202 naming the action, which is the one
   * already queued under the request's {@code X-Request-id} when there is one.
   */
  Response queue(Request request, Response result, AsyncAnswers plan) {
    expire();
    UUID id = requestId(request);
    Action action =
        actions.computeIfAbsent(
            id,
            key ->
                new Action(key, initiator(request), plan.outcome(), plan.runningPolls(), result));
    return accepted(action);
  }

  /** Registers a finished action (Pact provider states); its result is {@code result}. */
  void finished(UUID id, Response result) {
    actions.put(id, new Action(id, new UUID(0, 0), AsyncAnswers.Outcome.SUCCEED, 0, result));
  }

  /** The answer to a GET under {@value #PATH}: the action, its result, or 404. */
  Response answer(String path) {
    expire();
    String rest = path.substring(PATH.length());
    boolean result = rest.endsWith("/result");
    String idText = result ? rest.substring(0, rest.length() - "/result".length()) : rest;
    UUID id;
    try {
      id = UUID.fromString(idText);
    } catch (IllegalArgumentException e) {
      return Response.json(
          400,
          Json.error(
              "Value '" + idText + "' is not a valid UUID.", "logical", 400, null, "actionId"));
    }
    Action action = actions.get(id);
    if (action == null) {
      return Response.error(404, "Async action with the specified UID was not found.", "logical");
    }
    if (!result) {
      return Response.json(
          200,
          Json.asyncAction(action.id, action.initiator, "GetBackupServersLicenses", action.poll()));
    }
    return switch (action.status()) {
      case "Succeed" -> action.result;
      case "Failed" -> FAILED_520;
      case "Canceled" ->
          Response.error(404, "The asynchronous action was canceled; it has no result.", "logical");
      default -> accepted(action);
    };
  }

  /** 202 naming the action, still running. */
  private Response accepted(Action action) {
    return Response.accepted(baseUrl.get() + PATH + action.id);
  }

  void clear() {
    actions.clear();
  }

  private void expire() {
    long now = System.nanoTime();
    for (Iterator<Action> it = actions.values().iterator(); it.hasNext(); ) {
      if (now - it.next().created > KEPT_NANOS) {
        it.remove();
      }
    }
  }

  /** The request's {@code X-Request-id} when it is a UUID: VSPC names the action after it. */
  private static UUID requestId(Request request) {
    String header = request.header("x-request-id");
    if (header != null) {
      try {
        return UUID.fromString(header.trim());
      } catch (IllegalArgumentException e) {
        // not a UUID: a fresh id
      }
    }
    return UUID.randomUUID();
  }

  /** A stable id for whoever sent the request: derived from its bearer token. */
  private static UUID initiator(Request request) {
    String auth = request.header("authorization");
    return UUID.nameUUIDFromBytes((auth == null ? "" : auth).getBytes(StandardCharsets.UTF_8));
  }
}

package dev.licensewatch.vspc.client;

/**
 * The server queued the request as an asynchronous action (it answered 202) and the action did not
 * give the licences: it failed, it was canceled, its result is no longer kept, or it was still
 * running at the request's deadline. {@link #errors()} holds what the action's result said about a
 * failure.
 */
public final class VspcAsyncActionException extends VspcException {
  private static final long serialVersionUID = 1L;

  /** The action's UID. */
  private final String actionId;

  /** The action's last status. */
  private final String actionStatus;

  VspcAsyncActionException(String message, Answer answer, String actionId, String actionStatus) {
    super(message, answer, null);
    this.actionId = actionId;
    this.actionStatus = actionStatus;
  }

  /**
   * The action's UID, from the 202 answer's {@code Location}.
   *
   * @return the action's UID
   */
  public String actionId() {
    return actionId;
  }

  /**
   * The action's last status the client learnt, in the API document's spelling whatever the case
   * the server used: {@code Failed}, {@code Canceled}, {@code Succeed} (its result was gone),
   * {@code Running} (the deadline passed, or the action was gone before it finished; also before
   * the first poll answered, as a queued action is running), or, for a value this version does not
   * know, that value as the server sent it.
   *
   * @return the action's last status
   */
  public String actionStatus() {
    return actionStatus;
  }
}

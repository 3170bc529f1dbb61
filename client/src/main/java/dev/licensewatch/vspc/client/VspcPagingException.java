package dev.licensewatch.vspc.client;

import org.jspecify.annotations.Nullable;

/**
 * Auto-pagination could not go on safely: a page made no progress (the server reported more
 * licences but sent none), or the collection changed while paging and the client was built with
 * {@link VspcLicensingClient.Builder#failOnDrift(boolean)}.
 */
public final class VspcPagingException extends VspcException {
  private static final long serialVersionUID = 1L;

  /** The change that ended the walk, if any. */
  private final @Nullable Drift drift;

  VspcPagingException(String message, @Nullable String requestId, @Nullable Drift drift) {
    super(message, Answer.none(200, requestId), null);
    this.drift = drift;
  }

  /**
   * The change that ended the walk, or null when it was a page without progress.
   *
   * @return the drift, or null
   */
  public @Nullable Drift drift() {
    return drift;
  }
}

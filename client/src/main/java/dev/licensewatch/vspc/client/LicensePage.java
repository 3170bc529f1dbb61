package dev.licensewatch.vspc.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of licences as the server returned it.
 *
 * @param licenses the licences, in server order
 * @param pagingInfo {@code meta.pagingInfo}, or null when the server left {@code meta} out
 * @param requestId the {@code X-Request-id} sent with the request, for support cases
 */
public record LicensePage(
    List<BackupServerLicense> licenses, @Nullable PagingInfo pagingInfo, String requestId) {
  /**
   * Keeps an unmodifiable copy of {@code licenses}.
   *
   * @param licenses the licences, in server order
   * @param pagingInfo {@code meta.pagingInfo}, or null
   * @param requestId the {@code X-Request-id} sent
   */
  public LicensePage {
    licenses = List.copyOf(licenses);
  }

  /** {@return {@code pagingInfo.total}, or -1 when the server did not say} */
  public int total() {
    return pagingInfo == null || pagingInfo.total() == null ? -1 : pagingInfo.total();
  }
}

package dev.licensewatch.vspc.client;

import java.util.List;

/**
 * 403 Forbidden: the account lacks the Portal Administrator, Service Provider Global Administrator
 * or Service Provider Administrator role.
 */
public final class VspcPermissionException extends VspcException {
  private static final long serialVersionUID = 1L;

  /** The roles that may read licences; an account needs one of them. */
  public static final List<String> LICENSING_ROLES =
      List.of(
          "Portal Administrator",
          "Service Provider Global Administrator",
          "Service Provider Administrator");

  VspcPermissionException(String message, Answer answer) {
    super(message, answer, null);
  }
}

package dev.licensewatch.vspc.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Who may read licences, and the 401 or 403 everyone else gets. */
record Auth(Mode mode, Map<String, String> tokenRoles) {

  enum Mode {
    /** Only the configured tokens; their role decides 200 or 403. */
    TOKENS,
    /** Any non-empty bearer token (Pact verification replays example tokens). */
    ANY,
    /** Every request is unauthenticated (401). */
    REJECT_ALL,
    /** Every authenticated request is forbidden (403). */
    FORBID_ALL
  }

  enum Outcome {
    OK,
    UNAUTHENTICATED,
    FORBIDDEN
  }

  /** {@link VspcEmulator#LICENSING_ROLES}, lowercase: roles match case-insensitively. */
  private static final Set<String> LICENSING_ROLES =
      VspcEmulator.LICENSING_ROLES.stream()
          .map(role -> role.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  // Answers whose bytes never change: built once, not per request.
  private static final Response UNAUTHORIZED_401 =
      Response.error(401, "Authorization has been denied for this request.", "security");
  private static final Response FORBIDDEN_403 =
      Response.error(
          403,
          "Access to the requested resource is forbidden. Only these roles may read licenses: "
              + String.join(", ", VspcEmulator.LICENSING_ROLES)
              + ".",
          "security");

  Auth {
    tokenRoles = Map.copyOf(tokenRoles);
  }

  /** The mode and how many tokens, never the tokens: Settings and Scenario print their Auth. */
  @Override
  public String toString() {
    return "Auth[mode=" + mode + ", tokens=" + tokenRoles.size() + "]";
  }

  /** Only these tokens, each with its role; {@link VspcEmulator#DEFAULT_TOKEN} when none. */
  static Auth tokens(Map<String, String> tokenRoles) {
    return new Auth(
        Mode.TOKENS,
        tokenRoles.isEmpty()
            ? Map.of(VspcEmulator.DEFAULT_TOKEN, VspcEmulator.PORTAL_ADMINISTRATOR)
            : tokenRoles);
  }

  static Auth any() {
    return new Auth(Mode.ANY, Map.of());
  }

  static Auth of(Mode mode) {
    return new Auth(mode, Map.of());
  }

  /** 401 or 403 when the request's token may not read licences; null when it may. */
  @Nullable Response refusal(Request request) {
    return switch (check(request.header("authorization"))) {
      case UNAUTHENTICATED -> UNAUTHORIZED_401;
      case FORBIDDEN -> FORBIDDEN_403;
      case OK -> null;
    };
  }

  Outcome check(@Nullable String authorization) {
    String token = bearerToken(authorization);
    if (token == null) {
      return Outcome.UNAUTHENTICATED;
    }
    return switch (mode) {
      case ANY -> Outcome.OK;
      case FORBID_ALL -> Outcome.FORBIDDEN;
      case REJECT_ALL -> Outcome.UNAUTHENTICATED;
      case TOKENS -> {
        String role = tokenRoles.get(token);
        yield role == null
            ? Outcome.UNAUTHENTICATED
            : LICENSING_ROLES.contains(role.trim().toLowerCase(Locale.ROOT))
                ? Outcome.OK
                : Outcome.FORBIDDEN;
      }
    };
  }

  private static @Nullable String bearerToken(@Nullable String authorization) {
    if (authorization == null) {
      return null;
    }
    String a = authorization.trim();
    if (a.length() < 7 || !a.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = a.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}

package dev.licensewatch.vspc.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Who may read licences. */
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

  enum Outcome { OK, UNAUTHENTICATED, FORBIDDEN }

  /** {@link VspcEmulator#LICENSING_ROLES}, lowercase: roles match case-insensitively. */
  private static final Set<String> LICENSING_ROLES = VspcEmulator.LICENSING_ROLES.stream()
      .map(role -> role.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  Auth {
    tokenRoles = Map.copyOf(tokenRoles);
  }

  static Auth any() {
    return new Auth(Mode.ANY, Map.of());
  }

  static Auth of(Mode mode) {
    return new Auth(mode, Map.of());
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
        yield role == null ? Outcome.UNAUTHENTICATED
            : LICENSING_ROLES.contains(role.trim().toLowerCase(Locale.ROOT)) ? Outcome.OK
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

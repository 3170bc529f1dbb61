package dev.licensewatch.vspc.emulator;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Pact provider states the emulator knows, by their exact names. Set them over HTTP
 * ({@code POST /_pact/provider-states} when provider-states mode is on) or from code with
 * {@link VspcEmulator#applyProviderState(String, Map)}.
 */
public final class ProviderStates {

  /** Params {@code {"total": N}} (default 3): N synthetic licences, any bearer token. */
  public static final String LICENSES_EXIST = "licenses exist";
  /** One licence whose 8 nullable properties are null; any bearer token. */
  public static final String NULLABLES_NULL = "a license with every nullable property null";
  /** One licence with all 23 properties present and non-null; any bearer token. */
  public static final String EVERY_PROPERTY = "a license with every property present";
  /** Every request gets 401. */
  public static final String TOKEN_NOT_VALID = "the token is not valid";
  /** Every authenticated request gets 403 naming the licensing roles. */
  public static final String LACKS_ROLE = "the caller lacks a licensing role";
  /** Params {@code {"retryAfter": S}} (default 25): every licences request gets 429. */
  public static final String THROTTLED = "requests are throttled";

  /** All state names, in the order above. */
  public static final List<String> ALL = List.of(LICENSES_EXIST, NULLABLES_NULL, EVERY_PROPERTY,
      TOKEN_NOT_VALID, LACKS_ROLE, THROTTLED);

  /** The path provider-state changes are posted to. */
  public static final String PATH = "/_pact/provider-states";

  /** The seed of the licences of state {@link #LICENSES_EXIST}. */
  static final long SEED = 20_181_024L;

  private ProviderStates() {}

  /** What a state sets up: data, who is let in, and faults. */
  record Setup(Dataset dataset, Auth auth, FaultPlan faults) {}

  static Setup setupFor(String state, Map<String, ?> params) {
    return switch (state) {
      case LICENSES_EXIST -> new Setup(
          Dataset.synthetic(intParam(params, "total", 3, 0, 100_000), SEED)
              .withEveryPropertyPresent(), Auth.any(),
          FaultPlan.none());
      case NULLABLES_NULL -> new Setup(Dataset.licenseWithNullablesNull(), Auth.any(),
          FaultPlan.none());
      case EVERY_PROPERTY -> new Setup(Dataset.licenseWithEveryProperty(), Auth.any(),
          FaultPlan.none());
      case TOKEN_NOT_VALID -> new Setup(defaultDataset(), Auth.of(Auth.Mode.REJECT_ALL),
          FaultPlan.none());
      case LACKS_ROLE -> new Setup(defaultDataset(), Auth.of(Auth.Mode.FORBID_ALL),
          FaultPlan.none());
      case THROTTLED -> new Setup(defaultDataset(), Auth.any(), FaultPlan.always(
          FaultKind.THROTTLE_BOTH, intParam(params, "retryAfter", 25, 0, Integer.MAX_VALUE)));
      default -> throw new IllegalArgumentException("Unknown provider state '" + state
          + "'. Known states: " + String.join("; ", ALL) + ".");
    };
  }

  /** Before any state is set, and after a teardown: like "licenses exist" with 3 licences. */
  static Setup initial() {
    return setupFor(LICENSES_EXIST, Map.of());
  }

  private static Dataset defaultDataset() {
    return Dataset.synthetic(3, SEED);
  }

  private static int intParam(Map<String, ?> params, String name, int dflt, int min, int max) {
    @Nullable Object v = params.get(name);
    if (v == null) {
      return dflt;
    }
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else {
      try {
        d = Double.parseDouble(v.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Provider state parameter '" + name + "' must be an integer, got '" + v + "'");
      }
    }
    if (d != Math.rint(d) || d < min || d > max) {
      throw new IllegalArgumentException("Provider state parameter '" + name
          + "' must be an integer within " + min + ".." + max + ", got '" + v + "'");
    }
    return (int) d;
  }
}

package dev.licensewatch.vspc.emulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Pact provider states the emulator knows, by their exact names. Set them over HTTP ({@code
 * POST /_pact/provider-states} when provider-states mode is on) or from code with {@link
 * VspcEmulator#applyProviderState(String, Map)}.
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

  /**
   * Eight licences with every property: two Valid, two Expired, one each of Warning, Error,
   * Unlicensed and Unknown; companies and expiration dates all differ: for filter, sort and select.
   * Any bearer token.
   */
  public static final String EVERY_STATUS = "licenses of every status exist";

  /**
   * Params {@code {"polls": N}} (default 0): the 3 licences of {@link #LICENSES_EXIST}, and every
   * licences request is queued as an asynchronous action (202) that answers Running to N polls,
   * then Succeed.
   */
  public static final String QUEUED = "requests are answered asynchronously";

  /**
   * Params {@code {"actionId": UUID}}: that asynchronous action has finished (Succeed), and its
   * result is the first page of the 3 licences of {@link #LICENSES_EXIST}.
   */
  public static final String ACTION_FINISHED = "an asynchronous action has finished";

  /** All state names, in the order above. */
  public static final List<String> ALL =
      List.of(
          LICENSES_EXIST,
          NULLABLES_NULL,
          EVERY_PROPERTY,
          TOKEN_NOT_VALID,
          LACKS_ROLE,
          THROTTLED,
          EVERY_STATUS,
          QUEUED,
          ACTION_FINISHED);

  /** The path provider-state changes are posted to. */
  public static final String PATH = "/_pact/provider-states";

  /** The seed of the licences of state {@link #LICENSES_EXIST}. */
  static final long SEED = 20_181_024L;

  private ProviderStates() {}

  /** What a state sets up: data, who is let in, and faults. */
  record Setup(
      Dataset dataset,
      Auth auth,
      FaultPlan faults,
      AsyncAnswers async,
      @Nullable UUID finishedAction) {
    Setup(Dataset dataset, Auth auth, FaultPlan faults) {
      this(dataset, auth, faults, AsyncAnswers.none(), null);
    }
  }

  static Setup setupFor(String state, Map<String, ?> params) {
    return switch (state) {
      case LICENSES_EXIST ->
          new Setup(
              Dataset.synthetic(intParam(params, "total", 3, 0, 100_000), SEED)
                  .withEveryPropertyPresent(),
              Auth.any(),
              FaultPlan.none());
      case NULLABLES_NULL ->
          new Setup(Dataset.licenseWithNullablesNull(), Auth.any(), FaultPlan.none());
      case EVERY_PROPERTY ->
          new Setup(Dataset.licenseWithEveryProperty(), Auth.any(), FaultPlan.none());
      case TOKEN_NOT_VALID ->
          new Setup(defaultDataset(), Auth.of(Auth.Mode.REJECT_ALL), FaultPlan.none());
      case LACKS_ROLE ->
          new Setup(defaultDataset(), Auth.of(Auth.Mode.FORBID_ALL), FaultPlan.none());
      case EVERY_STATUS -> new Setup(everyStatus(), Auth.any(), FaultPlan.none());
      case QUEUED ->
          new Setup(
              fullLicenses(3),
              Auth.any(),
              FaultPlan.none(),
              AsyncAnswers.of(AsyncAnswers.Outcome.SUCCEED, intParam(params, "polls", 0, 0, 100)),
              null);
      case ACTION_FINISHED ->
          new Setup(
              fullLicenses(3),
              Auth.any(),
              FaultPlan.none(),
              AsyncAnswers.none(),
              uuidParam(params, "actionId"));
      case THROTTLED ->
          new Setup(
              defaultDataset(),
              Auth.any(),
              FaultPlan.always(
                  FaultKind.THROTTLE_BOTH,
                  intParam(params, "retryAfter", 25, 0, Integer.MAX_VALUE)));
      default ->
          throw new IllegalArgumentException(
              "Unknown provider state '"
                  + state
                  + "'. Known states: "
                  + String.join("; ", ALL)
                  + ".");
    };
  }

  /** Before any state is set, and after a teardown: like "licenses exist" with 3 licences. */
  static Setup initial() {
    return setupFor(LICENSES_EXIST, Map.of());
  }

  private static Dataset fullLicenses(int total) {
    return Dataset.synthetic(total, SEED).withEveryPropertyPresent();
  }

  /** The licences of {@link #EVERY_STATUS}: fixed values, so a contract can name them. */
  private static Dataset everyStatus() {
    String[][] rows = {
      {"Alder Logistics Ltd", "Valid", "2027-09-09T10:00:00.0000000+03:00"},
      {"Birchwood Health", "Expired", "2025-03-01T00:00:00.0000000+00:00"},
      {"Cobalt Legal GmbH", "Warning", "2027-01-15T08:30:00.0000000-07:00"},
      {"Drumlin Foods", "Expired", "2025-11-30T23:00:00.0000000+01:00"},
      {"Ember Media", "Error", "2028-02-29T12:00:00.0000000+00:00"},
      {"Fjordline Shipping AB", "Unlicensed", "2026-06-01T00:00:00.0000000+02:00"},
      {"Granite Labs", "Unknown", "2029-12-31T23:59:59.9999999+00:00"},
      {"Harborview Hotels", "Valid", "2030-05-05T05:05:05.0000000+05:30"},
    };
    LicenseGenerator generator =
        new LicenseGenerator(SEED, LocalDate.of(2026, 1, 1), EnumCasing.PASCAL_CASE, 0, true);
    List<String> licenses = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Map<String, @Nullable Object> license = generator.licenseWithEveryProperty();
      license.put(
          "backupServerUid",
          UUID.nameUUIDFromBytes(
                  ("every-status-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .toString());
      license.put("company", rows[i][0]);
      license.put("status", rows[i][1]);
      license.put("expirationDate", rows[i][2]);
      license.put("supportExpirationDate", rows[i][2]);
      licenses.add(new String(Json.object(license), java.nio.charset.StandardCharsets.UTF_8));
    }
    return Dataset.fromJson("[" + String.join(",", licenses) + "]");
  }

  private static UUID uuidParam(Map<String, ?> params, String name) {
    Object v = params.get(name);
    try {
      return UUID.fromString(String.valueOf(v));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Provider state parameter '" + name + "' must be a UUID, got '" + v + "'");
    }
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
      throw new IllegalArgumentException(
          "Provider state parameter '"
              + name
              + "' must be an integer within "
              + min
              + ".."
              + max
              + ", got '"
              + v
              + "'");
    }
    return (int) d;
  }
}

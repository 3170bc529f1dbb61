package dev.licensewatch.vspc.benchmarks.floor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Plain Java enums for the floor; an exact-case hit first, then case-insensitive, else UNKNOWN. */
public final class FloorEnums {
  private FloorEnums() {}

  public enum Status { UNKNOWN, VALID, WARNING, ERROR, EXPIRED, UNLICENSED }

  public enum Type { UNKNOWN, NOT_INSTALLED, RENTAL, NFR, PERPETUAL, EVALUATION, SUBSCRIPTION, COMMUNITY }

  public enum UnitType { UNKNOWN, INSTANCES, POINTS }

  public enum CloudConnect { UNKNOWN, NO, YES, ENTERPRISE }

  public enum SectionType { UNKNOWN, ALL, SOCKET, INSTANCE }

  public enum Package {
    NONE, STARTER, ESSENTIALS, BACKUP, ONE, SUITE, ORCHESTRATOR, FOUNDATION, ADVANCED, PREMIUM, UNKNOWN
  }

  /** Maps wire names (PascalCase as sent, and lowercase) to constants. */
  static final class Lookup<E extends Enum<E>> {
    private final Map<String, E> exact = new HashMap<>();
    private final E unknown;

    Lookup(E unknown, Object... pairs) {
      this.unknown = unknown;
      for (int i = 0; i < pairs.length; i += 2) {
        @SuppressWarnings("unchecked")
        E value = (E) pairs[i + 1];
        exact.put((String) pairs[i], value);
        exact.put(((String) pairs[i]).toLowerCase(Locale.ROOT), value);
      }
    }

    E of(String wire) {
      E value = exact.get(wire);
      if (value == null) {
        value = exact.get(wire.toLowerCase(Locale.ROOT));
      }
      return value == null ? unknown : value;
    }
  }

  static final Lookup<Status> STATUS = new Lookup<>(Status.UNKNOWN,
      "Unknown", Status.UNKNOWN, "Valid", Status.VALID, "Warning", Status.WARNING,
      "Error", Status.ERROR, "Expired", Status.EXPIRED, "Unlicensed", Status.UNLICENSED);
  static final Lookup<Type> TYPE = new Lookup<>(Type.UNKNOWN,
      "Unknown", Type.UNKNOWN, "NotInstalled", Type.NOT_INSTALLED, "Rental", Type.RENTAL,
      "NFR", Type.NFR, "Perpetual", Type.PERPETUAL, "Evaluation", Type.EVALUATION,
      "Subscription", Type.SUBSCRIPTION, "Community", Type.COMMUNITY);
  static final Lookup<UnitType> UNIT_TYPE = new Lookup<>(UnitType.UNKNOWN,
      "Unknown", UnitType.UNKNOWN, "Instances", UnitType.INSTANCES, "Points", UnitType.POINTS);
  static final Lookup<CloudConnect> CLOUD_CONNECT = new Lookup<>(CloudConnect.UNKNOWN,
      "Unknown", CloudConnect.UNKNOWN, "No", CloudConnect.NO, "Yes", CloudConnect.YES,
      "Enterprise", CloudConnect.ENTERPRISE);
  static final Lookup<SectionType> SECTION_TYPE = new Lookup<>(SectionType.UNKNOWN,
      "Unknown", SectionType.UNKNOWN, "All", SectionType.ALL, "Socket", SectionType.SOCKET,
      "Instance", SectionType.INSTANCE);
  static final Lookup<Package> PACKAGE = new Lookup<>(Package.UNKNOWN,
      "None", Package.NONE, "Starter", Package.STARTER, "Essentials", Package.ESSENTIALS,
      "Backup", Package.BACKUP, "ONE", Package.ONE, "Suite", Package.SUITE,
      "Orchestrator", Package.ORCHESTRATOR, "Foundation", Package.FOUNDATION,
      "Advanced", Package.ADVANCED, "Premium", Package.PREMIUM, "Unknown", Package.UNKNOWN);
}

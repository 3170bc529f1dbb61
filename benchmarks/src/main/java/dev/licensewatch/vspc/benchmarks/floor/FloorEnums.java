package dev.licensewatch.vspc.benchmarks.floor;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The licence's enumerations, each constant named as servers send it (PascalCase). The floor looks
 * them up by hand: an exact-case hit first, then ignoring case, else {@code Unknown}. Jackson,
 * which decodes into the same records for the decode comparison, matches names ignoring case and
 * falls back to the {@link JsonEnumDefaultValue}.
 */
public final class FloorEnums {
  private FloorEnums() {}

  public enum Status {
    @JsonEnumDefaultValue
    Unknown,
    Valid,
    Warning,
    Error,
    Expired,
    Unlicensed
  }

  public enum Type {
    @JsonEnumDefaultValue
    Unknown,
    NotInstalled,
    Rental,
    NFR,
    Perpetual,
    Evaluation,
    Subscription,
    Community
  }

  public enum UnitType {
    @JsonEnumDefaultValue
    Unknown,
    Instances,
    Points
  }

  public enum CloudConnect {
    @JsonEnumDefaultValue
    Unknown,
    No,
    Yes,
    Enterprise
  }

  public enum SectionType {
    @JsonEnumDefaultValue
    Unknown,
    All,
    Socket,
    Instance
  }

  public enum Package {
    None,
    Starter,
    Essentials,
    Backup,
    ONE,
    Suite,
    Orchestrator,
    Foundation,
    Advanced,
    Premium,
    @JsonEnumDefaultValue
    Unknown
  }

  /** Maps wire names (as sent, and lowercase) to constants. */
  static final class Lookup<E extends Enum<E>> {
    private final Map<String, E> byName = new HashMap<>();
    private final E unknown;

    Lookup(Class<E> type, E unknown) {
      this.unknown = unknown;
      for (E value : type.getEnumConstants()) {
        byName.put(value.name(), value);
        byName.put(value.name().toLowerCase(Locale.ROOT), value);
      }
    }

    E of(String wire) {
      E value = byName.get(wire);
      if (value == null) {
        value = byName.get(wire.toLowerCase(Locale.ROOT));
      }
      return value == null ? unknown : value;
    }
  }

  static final Lookup<Status> STATUS = new Lookup<>(Status.class, Status.Unknown);
  static final Lookup<Type> TYPE = new Lookup<>(Type.class, Type.Unknown);
  static final Lookup<UnitType> UNIT_TYPE = new Lookup<>(UnitType.class, UnitType.Unknown);
  static final Lookup<CloudConnect> CLOUD_CONNECT =
      new Lookup<>(CloudConnect.class, CloudConnect.Unknown);
  static final Lookup<SectionType> SECTION_TYPE =
      new Lookup<>(SectionType.class, SectionType.Unknown);
  static final Lookup<Package> PACKAGE = new Lookup<>(Package.class, Package.Unknown);
}

package dev.licensewatch.vspc.client;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The properties a query may name, derived from the generated {@link BackupServerLicense}: its JSON
 * names ({@link BackupServerLicense#PROPERTIES}) and the Java types of its record components, which
 * the template writes in the same order. A property the document adds is known here after the next
 * build, with nothing to edit.
 */
final class LicenseProperties {

  /** What a property holds, as far as filters and sorting care. */
  enum Kind {
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    DATE_TIME("a date-time"),
    UUID("a UUID"),
    ENUM("an enumeration value"),
    ARRAY("a list");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /**
   * One property.
   *
   * @param element for a list, what its elements hold; otherwise the property's own kind
   * @param enumType the generated extensible enum class of the property or of its elements
   */
  record Property(String name, Kind kind, Kind element, @Nullable Class<?> enumType) {
    boolean isArray() {
      return kind == Kind.ARRAY;
    }

    /** Strings and enumeration values, alone or in a list: what a collation applies to. */
    boolean isTextual() {
      return element == Kind.STRING || element == Kind.ENUM || element == Kind.UUID;
    }

    /** Throws unless {@link #isTextual()}: a collation applies only to strings. */
    void requireCollatable(Collation collation) {
      if (!isTextual()) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' is "
                + describe()
                + ": a collation ("
                + collation.value()
                + ") applies only to strings");
      }
    }

    String describe() {
      return isArray() ? "a list of " + plural(element) : kind.description;
    }

    private static String plural(Kind kind) {
      return switch (kind) {
        case STRING -> "strings";
        case NUMBER -> "numbers";
        case BOOLEAN -> "booleans";
        case DATE_TIME -> "date-times";
        case UUID -> "UUIDs";
        case ENUM -> "enumeration values";
        case ARRAY -> "lists";
      };
    }
  }

  private static final Map<String, Property> PROPERTIES = derive();

  private LicenseProperties() {}

  /** The JSON names, in the document's order. */
  static List<String> names() {
    return BackupServerLicense.PROPERTIES;
  }

  /**
   * The property a path names, or IllegalArgumentException naming the valid ones. A path {@code
   * sub.property} names a property of a nested object; licences have none.
   *
   * @param role what the path is for, for the message ("filter", "sort", "select")
   */
  static Property require(String path, String role) {
    if (path.isBlank()) {
      throw new IllegalArgumentException(
          "a " + role + " needs a property name; licences have " + String.join(", ", names()));
    }
    int dot = path.indexOf('.');
    String first = dot < 0 ? path : path.substring(0, dot);
    Property property = PROPERTIES.get(first);
    if (property == null) {
      throw new IllegalArgumentException(
          "unknown property '"
              + first
              + "' in "
              + role
              + "; licences have "
              + String.join(", ", names())
              + suggestion(first));
    }
    if (dot >= 0) {
      throw new IllegalArgumentException(
          "'"
              + path
              + "' in "
              + role
              + " names a property of '"
              + first
              + "', which is "
              + property.describe()
              + ", not an object");
    }
    return property;
  }

  /** ", did you mean x?" when a known name differs only in case. */
  private static String suggestion(String name) {
    for (String known : names()) {
      if (known.equalsIgnoreCase(name)) {
        return " (did you mean " + known + "? names are case-sensitive)";
      }
    }
    return "";
  }

  private static Map<String, Property> derive() {
    RecordComponent[] components = BackupServerLicense.class.getRecordComponents();
    List<String> names = BackupServerLicense.PROPERTIES;
    if (components.length != names.size()) {
      throw new IllegalStateException(
          "BackupServerLicense has "
              + components.length
              + " components but "
              + names.size()
              + " JSON properties");
    }
    Map<String, Property> properties = new LinkedHashMap<>();
    for (int i = 0; i < components.length; i++) {
      Type type = components[i].getGenericType();
      String name = names.get(i);
      if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
        Class<?> element = (Class<?>) list.getActualTypeArguments()[0];
        properties.put(name, new Property(name, Kind.ARRAY, kindOf(element), enumType(element)));
      } else {
        Class<?> raw = (Class<?>) type;
        properties.put(name, new Property(name, kindOf(raw), kindOf(raw), enumType(raw)));
      }
    }
    return Map.copyOf(properties);
  }

  private static Kind kindOf(Class<?> type) {
    if (type == String.class) {
      return Kind.STRING;
    } else if (Number.class.isAssignableFrom(type)) {
      return Kind.NUMBER;
    } else if (type == Boolean.class) {
      return Kind.BOOLEAN;
    } else if (type == OffsetDateTime.class) {
      return Kind.DATE_TIME;
    } else if (type == UUID.class) {
      return Kind.UUID;
    } else if (enumType(type) != null) {
      return Kind.ENUM;
    }
    throw new IllegalStateException(
        "BackupServerLicense has a property of an unexpected type " + type);
  }

  /** A generated extensible enumeration: {@code static X of(String)} and {@code value()}. */
  private static @Nullable Class<?> enumType(Class<?> type) {
    try {
      Method of = type.getMethod("of", String.class);
      type.getMethod("value");
      return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == type ? type : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The raw string of a generated enumeration value. */
  static String enumValue(Object value) {
    try {
      return (String) value.getClass().getMethod("value").invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the value of " + value, e);
    }
  }
}

package dev.licensewatch.vspc.emulator;

import java.util.Locale;

/** How enumeration values are spelled in responses. */
public enum EnumCasing {
  /** {@code Valid}, {@code Instances}: what current servers send. */
  PASCAL_CASE,
  /** {@code valid}, {@code instances}: what older servers send. */
  LOWER_CASE;

  String apply(String pascalValue) {
    return this == LOWER_CASE ? pascalValue.toLowerCase(Locale.ROOT) : pascalValue;
  }

  /** Accepts {@code pascal}, {@code PascalCase}, {@code lower}, {@code lowercase} (any case). */
  public static EnumCasing parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return switch (t) {
      case "pascal", "pascalcase" -> PASCAL_CASE;
      case "lower", "lowercase" -> LOWER_CASE;
      default ->
          throw new IllegalArgumentException(
              "Unknown enum casing '" + text + "'; use pascal or lower");
    };
  }
}

package dev.licensewatch.vspc.verifier;

import java.util.regex.Pattern;

/** JSON paths as reports show them: {@code $.data[3].company}. */
final class JsonPaths {
  private static final Pattern INDEX = Pattern.compile("\\[[0-9]+\\]");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private JsonPaths() {}

  static String property(String parent, String name) {
    return NAME.matcher(name).matches()
        ? parent + "." + name
        : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** {@code $.data[3].company} for the JSON pointer {@code /data/3/company}. */
  static String fromPointer(String pointer) {
    String path = "$";
    if (pointer.isEmpty() || pointer.equals("/")) {
      return path;
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      path = name.matches("[0-9]+") ? index(path, Integer.parseInt(name)) : property(path, name);
    }
    return path;
  }

  /** The path with every index as {@code [*]}: where findings of one kind are grouped. */
  static String pattern(String path) {
    return INDEX.matcher(path).replaceAll("[*]");
  }

  /** The index of the licence a path points into ({@code $.data[3]...} gives 3), or -1. */
  static int licenseIndex(String path) {
    if (!path.startsWith("$.data[")) {
      return -1;
    }
    int end = path.indexOf(']');
    try {
      return Integer.parseInt(path.substring("$.data[".length(), end));
    } catch (RuntimeException e) {
      return -1;
    }
  }
}

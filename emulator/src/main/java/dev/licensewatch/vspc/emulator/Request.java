package dev.licensewatch.vspc.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One parsed HTTP/1.1 request. Header names are lowercase. */
record Request(
    String method, String target, String version, Map<String, String> headers, byte[] body) {

  String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The first value of a query parameter, matched case-insensitively like ASP.NET does; null when
   * absent. A value that cannot be percent-decoded is returned raw (it fails validation).
   */
  @Nullable String queryParameter(String name) {
    int q = target.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : target.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equalsIgnoreCase(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  boolean wantsClose() {
    String connection = header("connection");
    if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
      return true;
    }
    return version.equals("HTTP/1.0")
        && (connection == null || !connection.toLowerCase(Locale.ROOT).contains("keep-alive"));
  }
}

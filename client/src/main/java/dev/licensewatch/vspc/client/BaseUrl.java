package dev.licensewatch.vspc.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/** Normalises the user's base URL: with or without {@code /api/v3}, with or without a slash. */
final class BaseUrl {
  private BaseUrl() {}

  /**
   * Returns the URL Retrofit resolves the generated path ({@code api/v3/...}) against.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  static HttpUrl parse(String text, boolean allowInsecureHttp) {
    HttpUrl url = HttpUrl.parse(text.trim());
    if (url == null) {
      throw new IllegalArgumentException(
          "baseUrl is not an http(s) URL: '"
              + text
              + "' (expected e.g. https://vspc.example.com:1280)");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      // They would not be used (VSPC takes a bearer token) but would show in logs and toString.
      throw new IllegalArgumentException(
          "baseUrl must not contain a user name or password: "
              + url.redact()
              + " (give the token with token(...) or tokenProvider(...))");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not have a query or fragment: " + url.redact());
    }
    if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "refusing plain http to "
              + url.host()
              + ": the token would travel in clear; use https, or allow insecure http explicitly"
              + " (allowInsecureHttp(true))");
    }
    String path = url.encodedPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith("/api/v3")) {
      path = path.substring(0, path.length() - "/api/v3".length());
    }
    return url.newBuilder().encodedPath(path + "/").build();
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: a name is never resolved here.
    // (An IPv6 literal has a colon: "cafe" or "beef" are names, and must not be looked up.)
    if (!host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

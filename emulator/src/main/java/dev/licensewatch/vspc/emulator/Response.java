package dev.licensewatch.vspc.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A response whose body is a list of byte arrays written back to back (no joining copy); {@code
 * licenses} counts the licences a page body holds, for the request log.
 */
record Response(int status, List<String[]> headers, List<byte[]> body, int licenses) {

  Response(int status, List<String[]> headers, List<byte[]> body) {
    this(status, headers, body, 0);
  }

  /** This page, saying it holds {@code n} licences. */
  Response holding(int n) {
    return new Response(status, headers, body, n);
  }

  static final String JSON = "application/json; charset=utf-8";
  private static final List<String[]> JSON_HEADERS =
      List.<String[]>of(new String[] {"Content-Type", JSON});

  static Response json(int status, byte[] body) {
    return json(status, List.of(body));
  }

  /** A JSON body made of parts written back to back. */
  static Response json(int status, List<byte[]> parts) {
    return new Response(status, JSON_HEADERS, parts);
  }

  /** The VSPC error envelope with this status as its code. */
  static Response error(int status, String message, String type) {
    return json(status, Json.error(message, type, status, null, null));
  }

  /** 429 as VSPC throttles: {@code retryAfter} (seconds) in the error item when given. */
  static Response tooManyRequests(@Nullable Integer retryAfter) {
    return json(429, Json.error("Too many requests.", "transport", 429, retryAfter, null));
  }

  /**
   * 202 for a queued request, {@code location} the action's absolute URL (the document's Location
   * is a URI; clients and the pact expect {@code https?://host/api/v3/asyncActions/{id}}).
   */
  static Response accepted(String location) {
    return new Response(202, List.<String[]>of(new String[] {"Location", location}), List.of());
  }

  static Response text(int status, String body) {
    return new Response(
        status,
        List.<String[]>of(new String[] {"Content-Type", "text/plain; charset=utf-8"}),
        List.of(body.getBytes(StandardCharsets.UTF_8)));
  }

  Response withHeader(String name, String value) {
    List<String[]> more = new ArrayList<>(headers);
    more.add(new String[] {name, value});
    return new Response(status, more, body, licenses);
  }

  long contentLength() {
    long n = 0;
    for (byte[] part : body) {
      n += part.length;
    }
    return n;
  }

  /** The body as one array, for the faults that cut or drip it. */
  byte[] bodyBytes() {
    byte[] all = new byte[Math.toIntExact(contentLength())];
    int at = 0;
    for (byte[] part : body) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      case 520 -> "Unknown Error";
      default -> "Status " + status;
    };
  }
}

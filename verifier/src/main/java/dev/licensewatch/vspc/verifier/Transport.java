package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Sends the verifier's GET requests, gently: a 429 is waited out as the server asks ({@code
 * Retry-After}, or {@code retryAfter} in the error body) and holds back every other request of the
 * run meanwhile; 502, 503, 504, 520 and I/O failures are retried twice with a short backoff.
 * Whatever the last attempt got is returned, never thrown.
 */
final class Transport {
  /** A request may be throttled this often before its 429 is the answer. */
  static final int MAX_THROTTLED = 5;

  /** Retries of a request after a server error or an I/O failure. */
  static final int MAX_RETRIES = 2;

  private static final long MAX_BODY = 32L * 1024 * 1024;

  /** Who a request claims to be: the label goes into reports, the token never does. */
  record Auth(String label, @Nullable String token) {
    static final Auth NONE = new Auth("no token", null);
  }

  interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  private final OkHttpClient http;
  private final HttpUrl collection;
  private final String clientVersion;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;

  /** No request of the run is sent before this System.nanoTime(): set by a 429. */
  private final AtomicLong notBefore = new AtomicLong(System.nanoTime());

  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();

  Transport(
      OkHttpClient http,
      HttpUrl collection,
      String clientVersion,
      Duration maxRetryAfter,
      Sleeper sleeper) {
    this.http = http;
    this.collection = collection;
    this.clientVersion = clientVersion;
    this.maxRetryAfter = maxRetryAfter;
    this.sleeper = sleeper;
  }

  /** The path of the collection on this server ({@code /api/v3/licensing/backupServers}). */
  String collectionPath() {
    return collection.encodedPath();
  }

  /** Requests sent so far, retries included. */
  int sent() {
    return sent.get();
  }

  /** 429 answers met so far. */
  int throttled() {
    return throttled.get();
  }

  /** A GET of the collection with these query parameters, as the client sends it. */
  Exchange get(Map<String, String> query, Auth auth) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Accept", List.of("application/json"));
    headers.put("X-Client-Version", List.of(clientVersion));
    headers.put("X-Request-id", List.of(UUID.randomUUID().toString()));
    return get(collection.encodedPath(), query, headers, auth);
  }

  /** A GET of exactly this path, query and headers (a replayed Pact request). */
  Exchange get(
      String path, Map<String, String> query, Map<String, List<String>> headers, Auth auth) {
    HttpUrl.Builder url = collection.newBuilder().encodedPath(path).query(null);
    query.forEach(url::addQueryParameter);
    Request.Builder request = new Request.Builder().url(url.build()).get();
    headers.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase("Authorization")) {
            values.forEach(value -> request.addHeader(name, value));
          }
        });
    if (auth.token() != null) {
      request.header("Authorization", "Bearer " + auth.token());
    }
    return send(request.build(), query, auth);
  }

  private Exchange send(Request request, Map<String, String> query, Auth auth) {
    HttpUrl url = request.url();
    String line =
        "GET " + url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    long start = System.nanoTime();
    int attempts = 0;
    int throttledHere = 0;
    int retries = 0;
    while (true) {
      attempts++;
      int status = 0;
      Headers headers = Headers.of();
      byte[] body = new byte[0];
      IOException failure = null;
      try {
        waitForGate();
        sent.incrementAndGet();
        try (Response response = http.newCall(request).execute()) {
          status = response.code();
          headers = response.headers();
          body = read(response.body());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new InterruptedIOException("interrupted");
      } catch (IOException e) {
        failure = e;
      }
      Duration wait = null;
      if (failure == null && status == 429) {
        throttled.incrementAndGet();
        throttledHere++;
        Duration asked = retryAfter(headers.get("Retry-After"), body);
        wait = asked != null ? asked : backoff(Duration.ofSeconds(1), throttledHere);
        if (throttledHere > MAX_THROTTLED || wait.compareTo(maxRetryAfter) > 0) {
          wait = null;
        } else {
          holdBackEveryone(wait);
          wait = Duration.ZERO; // the gate waits
        }
      } else if (retryable(status, failure) && retries < MAX_RETRIES) {
        retries++;
        wait = backoff(Duration.ofMillis(500), retries);
      }
      if (wait == null || Thread.currentThread().isInterrupted()) {
        return new Exchange(
            line,
            Map.copyOf(query),
            auth.label(),
            status,
            headers,
            body,
            failure,
            attempts,
            throttledHere,
            Duration.ofNanos(System.nanoTime() - start));
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean retryable(int status, @Nullable IOException failure) {
    if (failure != null) {
      return !(failure instanceof SSLException
          || failure instanceof UnknownHostException
          || failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
    }
    return status == 502 || status == 503 || status == 504 || status == 520;
  }

  private void holdBackEveryone(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    notBefore.accumulateAndGet(until, Math::max);
  }

  private void waitForGate() throws InterruptedException {
    long left = notBefore.get() - System.nanoTime();
    if (left > 0) {
      sleeper.sleep(Duration.ofNanos(left));
    }
  }

  private static byte[] read(@Nullable ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    BufferedSource source = body.source();
    if (source.request(MAX_BODY + 1)) {
      throw new IOException("response body larger than " + MAX_BODY + " bytes");
    }
    return source.getBuffer().readByteArray();
  }

  /** Doubles from {@code first} per attempt, up to 30 s. */
  private static Duration backoff(Duration first, int attempt) {
    long millis = first.toMillis() << Math.min(10, attempt - 1);
    return Duration.ofMillis(Math.min(millis, 30_000));
  }

  /**
   * The longer of the {@code Retry-After} header (seconds or an HTTP date) and the body's {@code
   * errors[].retryAfter} (seconds), or null when neither says.
   */
  static @Nullable Duration retryAfter(@Nullable String header, byte[] body) {
    Duration wait = null;
    if (header != null) {
      try {
        wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at =
              ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
          wait = until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException notADate) {
          wait = null;
        }
      }
    }
    try {
      JsonNode errors = body.length == 0 ? null : Exchange.JSON.readTree(body).path("errors");
      if (errors != null) {
        for (JsonNode error : errors) {
          JsonNode seconds = error.path("retryAfter");
          if (seconds.canConvertToLong() && seconds.asLong() >= 0) {
            Duration inBody = Duration.ofSeconds(seconds.asLong());
            wait = wait == null || inBody.compareTo(wait) > 0 ? inBody : wait;
          }
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // the header alone, if any
    }
    return wait;
  }
}

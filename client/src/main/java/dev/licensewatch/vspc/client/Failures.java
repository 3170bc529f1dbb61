package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Turns HTTP error responses and I/O failures into the typed exceptions, with one-line messages.
 */
final class Failures {
  static final String ROLES =
      String.join(", ", VspcPermissionException.LICENSING_ROLES.subList(0, 2))
          + " or "
          + VspcPermissionException.LICENSING_ROLES.get(2);
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private Failures() {}

  /** An HTTP response that was not 200, with what the client needs to decide on a retry. */
  static final class HttpFailure {
    final int status;
    final List<ResponseError> errors;
    final @Nullable Duration retryAfter;
    final String where;

    HttpFailure(
        int status, List<ResponseError> errors, @Nullable Duration retryAfter, String where) {
      this.status = status;
      this.errors = errors;
      this.retryAfter = retryAfter;
      this.where = where;
    }

    boolean retryable() {
      return status == 408
          || status == 429
          || status == 500
          || status == 502
          || status == 503
          || status == 504
          || status == 520;
    }

    String describe() {
      return "HTTP " + status + " from " + where + serverMessage(errors);
    }
  }

  static HttpFailure read(Response<?> response, JsonAdapter<ErrorResponse> adapter) {
    okhttp3.Response raw = response.raw();
    List<ResponseError> errors = redact(parseErrors(response.errorBody(), adapter), sentToken(raw));
    Duration retryAfter = retryAfter(raw.header("Retry-After"), errors);
    return new HttpFailure(raw.code(), errors, retryAfter, where(raw.request()));
  }

  /** The bearer token that went over the wire for this response, if any. */
  private static @Nullable String sentToken(okhttp3.Response raw) {
    okhttp3.Response network = raw.networkResponse();
    String header = network == null ? null : network.request().header("Authorization");
    if (header == null) {
      return null;
    }
    String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
    return token.isBlank() ? null : token.trim();
  }

  /** A server may echo the token in its error texts: they reach messages and logs, it must not. */
  private static List<ResponseError> redact(List<ResponseError> errors, @Nullable String token) {
    if (token == null || errors.isEmpty()) {
      return errors;
    }
    List<ResponseError> redacted = new ArrayList<>(errors.size());
    for (ResponseError e : errors) {
      redacted.add(
          new ResponseError(
              redact(e.message(), token),
              e.type(),
              e.code(),
              e.retryAfter(),
              redact(e.parameterName(), token),
              redact(e.propertyName(), token)));
    }
    return List.copyOf(redacted);
  }

  private static @Nullable String redact(@Nullable String text, String token) {
    return text == null ? null : text.replace(token, "***");
  }

  static String where(Request request) {
    return request.method() + " " + request.url().newBuilder().username("").password("").build();
  }

  /** Best effort: error bodies are read leniently and never fail the mapping. */
  private static List<ResponseError> parseErrors(
      @Nullable ResponseBody body, JsonAdapter<ErrorResponse> adapter) {
    if (body == null) {
      return List.of();
    }
    try (body) {
      BufferedSource source = body.source();
      source.request(MAX_ERROR_BODY + 1);
      if (source.getBuffer().size() > MAX_ERROR_BODY) {
        return List.of();
      }
      JsonReader reader = JsonReader.of(source);
      reader.setTag(ViolationSink.class, (path, message, identity) -> {});
      ErrorResponse response = adapter.fromJson(reader);
      if (response == null || response.errors() == null) {
        return List.of();
      }
      return List.copyOf(response.errors());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  static @Nullable Duration retryAfter(@Nullable String header, List<ResponseError> errors) {
    Duration wait = null;
    if (header != null) {
      String value = header.trim();
      try {
        wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
          wait = until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException notADate) {
          wait = null;
        }
      }
    }
    for (ResponseError error : errors) {
      Integer seconds = error.retryAfter();
      if (seconds != null && seconds >= 0) {
        Duration body = Duration.ofSeconds(seconds);
        if (wait == null || body.compareTo(wait) > 0) {
          wait = body;
        }
      }
    }
    return wait;
  }

  static VspcException toException(HttpFailure failure, String requestId, String suffix) {
    String base = failure.describe();
    VspcException.Answer answer =
        new VspcException.Answer(failure.status, failure.errors, requestId);
    switch (failure.status) {
      case 400:
        VspcBadRequestException bad = new VspcBadRequestException(base + suffix, answer);
        String parameter = bad.parameterName();
        return parameter == null
            ? bad
            : new VspcBadRequestException(
                base + " (parameter '" + parameter + "')" + suffix, answer);
      case 401:
        return new VspcAuthenticationException(
            base
                + "; the token (or API key) was rejected: check that it is valid and not expired"
                + suffix,
            answer);
      case 403:
        return new VspcPermissionException(
            base + "; the account needs one of the roles " + ROLES + suffix, answer);
      case 404:
        return new VspcNotFoundException(
            base + "; check the base URL (e.g. https://vspc.example.com:1280)" + suffix, answer);
      case 429:
        return new VspcRateLimitedException(
            base + "; the server is throttling requests" + suffix, answer, failure.retryAfter);
      default:
        if (failure.status >= 200 && failure.status < 300) {
          return new VspcServerException(base + "; expected 200 with licences" + suffix, answer);
        }
        return new VspcServerException(base + suffix, answer);
    }
  }

  private static String serverMessage(List<ResponseError> errors) {
    List<String> parts = new ArrayList<>();
    for (ResponseError error : errors) {
      StringBuilder part = new StringBuilder();
      if (error.message() != null && !error.message().isBlank()) {
        part.append(oneLine(error.message()));
      }
      if (error.type() != null) {
        part.append(part.length() > 0 ? " " : "").append("[").append(error.type().value());
        part.append(error.code() != null ? " " + error.code() : "").append("]");
      }
      if (part.length() > 0) {
        parts.add(part.toString());
      }
    }
    return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
  }

  static String oneLine(String text) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ").trim();
    return line.length() > 300 ? line.substring(0, 297) + "..." : line;
  }

  static boolean retryable(IOException e) {
    if (isTls(e)
        || e instanceof UnknownHostException
        || e instanceof Interceptors.TokenUnavailable) {
      return false;
    }
    return true;
  }

  static boolean isTls(Throwable e) {
    if (hasCause(
        e,
        SSLHandshakeException.class,
        SSLPeerUnverifiedException.class,
        CertificateException.class)) {
      return true;
    }
    return e instanceof SSLException
        && !(e.getMessage() != null
            && e.getMessage().toLowerCase(Locale.ROOT).contains("connection reset"));
  }

  @SafeVarargs
  private static boolean hasCause(Throwable e, Class<? extends Throwable>... types) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A 200 body that breaks the API document; one line, naming the licence when it is known. */
  static VspcContractException contract(
      Decoding.ContractSignal signal, String where, String requestId) {
    // The problem may quote the server's text, line breaks included: messages are one line.
    String message =
        "response from "
            + where
            + " breaks the API document at "
            + oneLine(signal.jsonPath)
            + ": "
            + oneLine(signal.problem)
            + (signal.identity == null ? "" : " (licence " + signal.identity + ")");
    return new VspcContractException(
        message, 200, signal.jsonPath, signal.identity, requestId, signal);
  }

  /** The request was cancelled, or ({@code closed}) its client was closed, at {@code where}. */
  static VspcIoException cancelled(String where, String requestId, boolean closed) {
    return stopped((closed ? "the client was closed: " : "cancelled: ") + where, requestId, null);
  }

  /**
   * Throws when an attempt's I/O failure only says that the request was stopped: cancelled, its
   * client closed, or the caller's thread interrupted. Such a failure is never retried.
   */
  static void throwIfStopped(
      IOException e, String where, String requestId, boolean cancelled, boolean closed) {
    if (cancelled || closed) {
      throw cancelled(where, requestId, closed);
    }
    if (Thread.currentThread().isInterrupted() && e instanceof InterruptedIOException) {
      throw stopped("interrupted: " + where, requestId, e); // not a timeout
    }
  }

  /**
   * The caller's thread was interrupted, or the request was cancelled or its client closed: never a
   * timeout, whatever the cause's type (okio reports an interrupt as InterruptedIOException too).
   */
  static VspcIoException stopped(
      String message, @Nullable String requestId, @Nullable IOException cause) {
    return new VspcIoException(
        message,
        requestId,
        cause != null ? cause : new InterruptedIOException(message),
        VspcIoException.Kind.STOPPED);
  }

  static VspcIoException toException(IOException e, String where, String requestId, String suffix) {
    String cause = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    VspcIoException.Kind kind;
    String message;
    if (isTls(e) && hasCause(e, SSLPeerUnverifiedException.class)) {
      // OkHttp reports a certificate that does not name the host this way.
      kind = VspcIoException.Kind.TLS_HOST_NAME;
      message =
          "TLS handshake failed for "
              + where
              + ": "
              + cause
              + "; the certificate is not for this host name: use a name it lists in baseUrl"
              + " (trusting the certificate does not change that)";
    } else if (isTls(e)) {
      kind = VspcIoException.Kind.TLS_UNTRUSTED;
      message =
          "TLS handshake failed for "
              + where
              + ": "
              + cause
              + "; if the server uses a self-signed certificate, trust its PEM certificate"
              + " (trustCertificatePem)";
    } else if (e instanceof UnknownHostException) {
      kind = VspcIoException.Kind.UNKNOWN_HOST;
      message = "cannot resolve the host of " + where + ": " + cause;
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      kind = VspcIoException.Kind.CONNECT;
      message = "cannot connect for " + where + ": " + cause;
    } else if (e instanceof InterruptedIOException) { // SocketTimeoutException included
      kind = VspcIoException.Kind.TIMEOUT;
      message = "timed out: " + where + " (" + cause + ")";
    } else {
      kind = VspcIoException.Kind.OTHER;
      message = "I/O failure: " + where + ": " + cause;
    }
    return new VspcIoException(message + suffix, requestId, e, kind);
  }
}

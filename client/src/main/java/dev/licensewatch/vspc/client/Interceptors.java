package dev.licensewatch.vspc.client;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Network interceptors: they run for every hop, redirects included. */
final class Interceptors {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);

  private Interceptors() {}

  /**
   * Adds {@code Authorization: Bearer} only for the configured origin, so a redirect to another
   * host (or scheme or port) never carries the token.
   */
  static final class Auth implements Interceptor {
    private final HttpUrl origin;
    private final TokenProvider tokens;

    Auth(HttpUrl origin, TokenProvider tokens) {
      this.origin = origin;
      this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      HttpUrl url = request.url();
      boolean sameOrigin =
          url.scheme().equals(origin.scheme())
              && url.host().equalsIgnoreCase(origin.host())
              && url.port() == origin.port();
      if (!sameOrigin) {
        if (request.header("Authorization") != null) {
          request = request.newBuilder().removeHeader("Authorization").build();
        }
        log.debug("not sending the token to {} (not the configured origin)", url.host());
        return chain.proceed(request);
      }
      String token = tokens.token();
      if (token == null || token.isBlank()) {
        throw new TokenUnavailable("the token provider returned no token");
      }
      token = token.trim();
      int bad = VspcLicensingClient.invalidTokenChar(token);
      if (bad >= 0) {
        throw new TokenUnavailable(
            "the token provider returned a token with a character that"
                + " cannot be sent in an HTTP header (at index "
                + bad
                + ")");
      }
      return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token).build());
    }
  }

  /** The token provider gave nothing usable: asking the server again would not help. */
  static final class TokenUnavailable extends IOException {
    private static final long serialVersionUID = 1L;

    TokenUnavailable(String message) {
      super(message);
    }
  }

  /** A 2xx other than 200 (202: queued as an asynchronous action) carries no licences. */
  static final class UnexpectedSuccess extends IOException {
    private static final long serialVersionUID = 1L;

    final int status;
    final @org.jspecify.annotations.Nullable String location;

    UnexpectedSuccess(int status, @org.jspecify.annotations.Nullable String location) {
      super("HTTP " + status);
      this.status = status;
      this.location = location;
    }
  }

  /** Application interceptor: lets only 200 reach the JSON converter among 2xx responses. */
  static final class OnlyOk implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      if (response.isSuccessful() && response.code() != 200) {
        String location = response.header("Location");
        response.close();
        throw new UnexpectedSuccess(response.code(), location);
      }
      return response;
    }
  }

  /** One summary line per exchange at debug; never headers or bodies. */
  static final class Log implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      if (!log.isDebugEnabled()) {
        return chain.proceed(request);
      }
      String id = request.header("X-Request-id");
      long start = System.nanoTime();
      log.debug("--> {} {} (request id {})", request.method(), request.url(), id);
      try {
        Response response = chain.proceed(request);
        log.debug(
            "<-- {} {} ({} ms, request id {})",
            response.code(),
            request.url(),
            (System.nanoTime() - start) / 1_000_000,
            id);
        return response;
      } catch (IOException e) {
        log.debug(
            "<-- failed {} ({}: {}, request id {})",
            request.url(),
            e.getClass().getSimpleName(),
            e.getMessage(),
            id);
        throw e;
      }
    }
  }
}

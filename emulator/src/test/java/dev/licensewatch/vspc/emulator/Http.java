package dev.licensewatch.vspc.emulator;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** A plain OkHttp client for talking to the emulator in tests. */
final class Http {

  /** What came back, read completely. */
  record Reply(int status, okhttp3.Headers headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Nullable String header(String name) {
      return headers.get(name);
    }

    /** The body parsed into Maps, Lists, Strings, Doubles, Booleans and nulls. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try (Buffer b = new Buffer().write(body);
          JsonReader r = JsonReader.of(b)) {
        return (Map<String, Object>) r.readJsonValue();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data() {
      return (List<Map<String, Object>>) json().get("data");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> pagingInfo() {
      return (Map<String, Object>) ((Map<String, Object>) json().get("meta")).get("pagingInfo");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> firstError() {
      return ((List<Map<String, Object>>) json().get("errors")).get(0);
    }
  }

  static final OkHttpClient CLIENT =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(Duration.ofSeconds(10))
          .build();

  private Http() {}

  static Reply get(String url, @Nullable String token) {
    return get(CLIENT, url, token);
  }

  static Reply get(OkHttpClient client, String url, @Nullable String token) {
    Request.Builder b = new Request.Builder().url(url);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return execute(client, b.build());
  }

  static Reply licenses(VspcEmulator e, String query) {
    return get(e.licensesUrl() + (query.isEmpty() ? "" : "?" + query), VspcEmulator.DEFAULT_TOKEN);
  }

  static Reply post(String url, String json) {
    return execute(
        CLIENT,
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(json, MediaType.get("application/json")))
            .build());
  }

  static Reply execute(OkHttpClient client, Request request) {
    try (Response r = client.newCall(request).execute()) {
      return new Reply(r.code(), r.headers(), r.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.licensewatch.vspc.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;

/** JSON bodies, responses and clients shared by the facade tests. */
final class Fixtures {
  /** The token every test client uses; no message or log line may ever contain it. */
  static final String TOKEN = "tok-3f9c-SECRET-7d1e-4b2a";

  static final String PATH = "/api/v3/licensing/backupServers";

  private Fixtures() {}

  /** The identity of licence number {@code n}: readable in failures, unique per n. */
  static UUID uid(int n) {
    return new UUID(0x00000000_0000_4000L, 0x8000_000000000000L | n);
  }

  /** A valid licence with only the required property and its identity. */
  static String license(int n) {
    return "{\"backupServerUid\":\""
        + uid(n)
        + "\",\"autoUpdateEnabled\":"
        + (n % 2 == 0)
        + ",\"company\":\"Company "
        + n
        + "\",\"status\":\"Valid\",\"units\":"
        + n
        + ".0}";
  }

  /** Licences {@code from} (inclusive) to {@code to} (exclusive). */
  static List<String> licenses(int from, int to) {
    return IntStream.range(from, to).mapToObj(Fixtures::license).collect(Collectors.toList());
  }

  /** A page with {@code meta.pagingInfo}. */
  static String page(int total, int offset, List<String> licenses) {
    return "{\"meta\":{\"pagingInfo\":{\"total\":"
        + total
        + ",\"count\":"
        + licenses.size()
        + ",\"offset\":"
        + offset
        + "}},\"data\":["
        + String.join(",", licenses)
        + "]}";
  }

  /** A page without {@code meta}, as older servers or proxies may send. */
  static String pageWithoutMeta(List<String> licenses) {
    return "{\"data\":[" + String.join(",", licenses) + "]}";
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse ok(String body) {
    return json(200, body);
  }

  /** The VSPC error envelope with one error. */
  static String errors(String message, String type, int code, String extra) {
    return "{\"errors\":[{\"message\":\""
        + message
        + "\",\"type\":\""
        + type
        + "\",\"code\":"
        + code
        + (extra.isEmpty() ? "" : "," + extra)
        + "}]}";
  }

  /** The error envelope of a VSPC 520 (its server error) when it cannot list the licences. */
  static final String SERVER_ERROR_520 =
      errors("Failed to retrieve the licenses of the managed servers.", "unspecified", 520, "");

  static Buffer bytes(String text) {
    return new Buffer().writeString(text, StandardCharsets.UTF_8);
  }

  /** A client for {@code server} that records retry waits instead of sleeping. */
  static VspcLicensingClient.Builder client(MockWebServer server, RecordingSleeper sleeper) {
    return VspcLicensingClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .token(TOKEN)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(15))
        .sleeper(sleeper);
  }

  static List<Integer> range(int from, int to) {
    List<Integer> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      list.add(i);
    }
    return list;
  }
}

package dev.licensewatch.vspc.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback {@link MockWebServer} that records the requests a generated client sends and answers
 * the licences collection as a server would: the shipped page {@code current-server-page.json},
 * reduced to the properties of the request's {@code select} (unselected properties absent, even the
 * required {@code autoUpdateEnabled}).
 */
final class Recorder implements AutoCloseable {

  /** One request as received: its path and its query, decoded as ASP.NET decodes it. */
  record Received(String path, String rawQuery, Map<String, String> query) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockWebServer server = new MockWebServer();
  private final JsonNode page;
  private final List<Received> received = new ArrayList<>();

  Recorder(JsonNode page) throws IOException {
    this.page = page;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private MockResponse answer(RecordedRequest request) {
    // The request target as sent (not re-encoded by a URL parser): path, then query.
    String target = request.getTarget();
    int mark = target.indexOf('?');
    String rawQuery = mark < 0 ? null : target.substring(mark + 1);
    Map<String, String> query = decode(rawQuery);
    synchronized (this) {
      received.add(new Received(mark < 0 ? target : target.substring(0, mark), rawQuery, query));
    }
    try {
      return new MockResponse.Builder()
          .addHeader("Content-Type", "application/json; charset=utf-8")
          .body(JSON.writeValueAsString(selected(query.get("select"))))
          .build();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode selected(String select) {
    JsonNode answer = page.deepCopy();
    if (select == null) {
      return answer;
    }
    List<String> keep = new ArrayList<>();
    try {
      JSON.readTree(select).forEach(e -> keep.add(e.path("propertyPath").asText()));
    } catch (IOException e) {
      return answer; // the test reports what was sent
    }
    answer.path("data").forEach(licence -> ((ObjectNode) licence).retain(keep));
    return answer;
  }

  /** {@code a=1&b=2}, each name and value percent-decoded with '+' as a space (form encoding). */
  static Map<String, String> decode(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      query.put(
          name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    server.close();
  }
}

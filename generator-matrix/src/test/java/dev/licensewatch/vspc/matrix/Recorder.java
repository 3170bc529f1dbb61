package dev.licensewatch.vspc.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback server that records the requests a generated client sends and answers the licences
 * collection as a server would: the shipped page {@code current-server-page.json}, reduced to the
 * properties of the request's {@code select} (unselected properties absent, even the required
 * {@code autoUpdateEnabled}).
 */
final class Recorder implements AutoCloseable {

  /** One request as received: its path and its query, decoded as ASP.NET decodes it. */
  record Received(String path, String rawQuery, Map<String, String> query) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final JsonNode page;
  private final List<Received> received = new ArrayList<>();

  Recorder(JsonNode page) throws IOException {
    this.page = page;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized void clear() {
    received.clear();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> query = decode(rawQuery);
    synchronized (this) {
      received.add(new Received(exchange.getRequestURI().getRawPath(), rawQuery, query));
    }
    byte[] body = JSON.writeValueAsBytes(selected(query.get("select")));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
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
    server.stop(0);
  }
}

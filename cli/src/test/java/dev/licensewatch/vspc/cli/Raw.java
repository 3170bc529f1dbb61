package dev.licensewatch.vspc.cli;

import com.squareup.moshi.JsonReader;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** Reads what the emulator serves, without the client: the expected values of the tests. */
final class Raw {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Raw() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> licenses(VspcEmulator emulator, String token) {
    List<Map<String, Object>> all = new ArrayList<>();
    int offset = 0;
    while (true) {
      Map<String, Object> page =
          (Map<String, Object>)
              json(get(emulator.licensesUrl() + "?limit=500&offset=" + offset, token));
      List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
      all.addAll(data);
      offset += data.size();
      double total =
          (Double)
              ((Map<String, Object>) ((Map<String, Object>) page.get("meta")).get("pagingInfo"))
                  .get("total");
      if (data.isEmpty() || offset >= total) {
        return all;
      }
    }
  }

  static String get(String url, String token) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", "Bearer " + token)
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Object json(String text) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      return reader.readJsonValue();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
  static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}

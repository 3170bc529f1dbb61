package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 200 answer read as a page: what was asked ({@code limit}, {@code offset}) and what the body
 * says ({@code pagingInfo} and {@code data}); a value the body lacks or gets wrong is null.
 */
record Page(
    Exchange exchange,
    @Nullable Integer limit,
    int offset,
    @Nullable JsonNode body,
    @Nullable Integer total,
    @Nullable Integer count,
    @Nullable Integer echoedOffset,
    @Nullable JsonNode data) {

  static Page of(Exchange exchange) {
    Integer limit = integer(exchange.queryParameter("limit"));
    Integer offset = integer(exchange.queryParameter("offset"));
    JsonNode body = exchange.ok() ? exchange.json() : null;
    JsonNode paging = body == null ? null : body.path("meta").path("pagingInfo");
    JsonNode data = body == null || !body.path("data").isArray() ? null : body.get("data");
    return new Page(
        exchange,
        limit,
        offset == null ? 0 : offset,
        body,
        intOf(paging, "total"),
        intOf(paging, "count"),
        intOf(paging, "offset"),
        data);
  }

  private static @Nullable Integer integer(@Nullable String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Integer intOf(@Nullable JsonNode paging, String name) {
    JsonNode value = paging == null ? null : paging.get(name);
    return value != null && value.canConvertToInt() && value.isIntegralNumber()
        ? value.intValue()
        : null;
  }

  /** Licences in data, or 0 when there is no readable data. */
  int size() {
    return data == null ? 0 : data.size();
  }

  boolean readable() {
    return data != null;
  }

  /** {@code backupServerUid 976d4924-... (#103)} or {@code #103}: licence i of this page. */
  String license(int index) {
    JsonNode license = data == null ? null : data.get(index);
    JsonNode uid = license == null ? null : license.get("backupServerUid");
    String position = "#" + (offset + index);
    return uid != null && uid.isTextual()
        ? "backupServerUid " + uid.asText() + " (" + position + ")"
        : position;
  }

  /** The backupServerUid of each licence that has one, in order (null where it has none). */
  List<@Nullable String> uids() {
    List<@Nullable String> uids = new ArrayList<>();
    if (data != null) {
      for (JsonNode license : data) {
        JsonNode uid = license.get("backupServerUid");
        uids.add(uid != null && uid.isTextual() ? uid.asText() : null);
      }
    }
    return uids;
  }

  String request() {
    return exchange.request();
  }
}

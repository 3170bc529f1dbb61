package dev.licensewatch.vspc.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** The 200 page a licences request gets: its licences' cached bytes, written back to back. */
final class Pages {

  private Pages() {}

  /** The page {@code request} asks for of the licences its query keeps, in its order. */
  static Response page(LicenseStore store, PageRequest request, Breaks breaks) {
    // The breaks change what the server holds: its filter and select see them too.
    IntFunction<Map<String, @Nullable Object>> licenses =
        breaks.isNone() ? store::parsed : i -> Json.parse(breaks.license(store.get(i)));
    CollectionQuery query = request.query();
    int[] kept = query.apply(store, licenses);
    int total = kept == null ? store.size() : kept.length;
    int offset = request.offset();
    int from = Math.min(offset, total);
    int to = (int) Math.min(total, (long) from + request.limit());
    int count = to - from;
    List<byte[]> body = new ArrayList<>(2 * count + 2);
    body.add(breaks.pagePrefix(total, count, offset));
    for (int i = from; i < to; i++) {
      if (i > from) {
        body.add(Json.COMMA);
      }
      int index = kept == null ? i : kept[i];
      body.add(
          query.selects()
              ? Json.object(query.project(licenses.apply(index)))
              : breaks.license(store.get(index)));
    }
    body.add(Json.PAGE_SUFFIX);
    return breaks.page(Response.json(200, body)).holding(count);
  }
}

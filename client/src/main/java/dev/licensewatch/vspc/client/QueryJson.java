package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okio.Buffer;

/** The JSON text of a query parameter: an array of expressions, each written by its own class. */
final class QueryJson {
  /** Writes one expression as a JSON object. */
  interface Writer<T> {
    void write(T expression, JsonWriter writer) throws IOException;
  }

  private QueryJson() {}

  /** The array, as the query parameter carries it. A {@code null} value is written as null. */
  static <T> String array(List<? extends T> expressions, Writer<T> write) {
    try (Buffer buffer = new Buffer();
        JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true); // a comparison with null says "value": null
      writer.beginArray();
      for (T expression : expressions) {
        write.write(expression, writer);
      }
      writer.endArray();
      writer.flush();
      return buffer.readUtf8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One expression's JSON object: what its {@code toString()} shows. */
  static <T> String object(T expression, Writer<T> write) {
    String array = array(List.of(expression), write);
    return array.substring(1, array.length() - 1);
  }
}

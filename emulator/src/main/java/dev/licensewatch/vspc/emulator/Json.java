package dev.licensewatch.vspc.emulator;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Bytes of the JSON documents the emulator sends, written with Moshi's streaming writer. */
final class Json {

  private Json() {}

  /** One licence (an ordered property map), compact, nulls kept. */
  static byte[] object(Map<String, @Nullable Object> properties) {
    return written(
        w -> {
          w.setSerializeNulls(true);
          w.jsonValue(properties);
        });
  }

  /** A licence's bytes as JSON values (maps, lists, strings, doubles, booleans, nulls). */
  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> parse(byte[] license) {
    try (Buffer buffer = new Buffer().write(license);
        com.squareup.moshi.JsonReader reader = com.squareup.moshi.JsonReader.of(buffer)) {
      return (Map<String, @Nullable Object>) reader.readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error envelope: {"errors":[{"message","type","code",...}]}. */
  static byte[] error(
      String message,
      String type,
      int code,
      @Nullable Integer retryAfter,
      @Nullable String parameterName) {
    return written(
        w -> {
          w.beginObject().name("errors").beginArray().beginObject();
          w.name("message").value(message);
          w.name("type").value(type);
          w.name("code").value(code);
          if (retryAfter != null) {
            w.name("retryAfter").value(retryAfter.longValue());
          }
          if (parameterName != null) {
            w.name("parameterName").value(parameterName);
          }
          w.endObject().endArray().endObject();
        });
  }

  /** An asynchronous action: {"data":{"id","initiatorUid","actionName","status"}}. */
  static byte[] asyncAction(
      java.util.UUID id, java.util.UUID initiator, String name, String status) {
    return written(
        w -> {
          w.beginObject().name("data").beginObject();
          w.name("id").value(id.toString());
          w.name("initiatorUid").value(initiator.toString());
          w.name("actionName").value(name);
          w.name("status").value(status);
          w.endObject().endObject();
        });
  }

  /** What a writer writes into a buffer. */
  private interface Writing {
    void to(JsonWriter w) throws IOException;
  }

  /** The bytes {@code writing} writes, as one JSON document. */
  private static byte[] written(Writing writing) {
    try (Buffer buffer = new Buffer();
        JsonWriter w = JsonWriter.of(buffer)) {
      writing.to(w);
      w.flush();
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The part of a page before the first licence. */
  static byte[] pagePrefix(int total, int count, int offset) {
    return ("{\"meta\":{\"pagingInfo\":{\"total\":"
            + total
            + ",\"count\":"
            + count
            + ",\"offset\":"
            + offset
            + "}},\"data\":[")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static final byte[] COMMA = {','};
  static final byte[] PAGE_SUFFIX = {']', '}'};
  static final byte[] EMPTY_OBJECT = {'{', '}'};
}

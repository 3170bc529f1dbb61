package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Decodes response bodies straight from the socket with the generated adapters, and tells transport
 * failures (retryable) from bodies that break the document (not retryable).
 */
final class Decoding extends Converter.Factory {
  private final Moshi moshi;
  private final long maxBodyBytes;
  // Retrofit runs the converter on the thread that called execute(): the caller's context is here.
  private final ThreadLocal<Context> current = new ThreadLocal<>();

  Decoding(Moshi moshi, long maxBodyBytes) {
    this.moshi = moshi;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * What one decode collects: lenient violations, or the first strict one is thrown. A licence
   * property the query did not select is not expected, so its absence is no violation.
   */
  static final class Context implements ViolationSink {
    final boolean strict;
    final List<ContractViolation> violations = new ArrayList<>(0);
    final String requestId;
    private final LicenseQuery query;

    Context(boolean strict, String requestId, LicenseQuery query) {
      this.strict = strict;
      this.requestId = requestId;
      this.query = query;
    }

    @Override
    public boolean expects(String property) {
      return query.expects(property);
    }

    @Override
    public void violation(String jsonPath, String message, @Nullable String identity) {
      if (strict) {
        throw new ContractSignal(jsonPath, message, identity, null);
      }
      violations.add(
          new ContractViolation(jsonPath, Failures.oneLine(message), identity, requestId));
    }
  }

  /** A body that breaks the document; unchecked so that it passes through Retrofit unchanged. */
  static final class ContractSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String jsonPath;
    final String problem;
    final @Nullable String identity;

    ContractSignal(
        String jsonPath, String problem, @Nullable String identity, @Nullable Throwable cause) {
      super(jsonPath + ": " + problem, cause, false, false);
      this.jsonPath = jsonPath;
      this.problem = problem;
      this.identity = identity;
    }
  }

  void begin(Context context) {
    current.set(context);
  }

  void end() {
    current.remove();
  }

  @Override
  public @Nullable Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    JsonAdapter<?> adapter = moshi.adapter(type);
    return body -> decode(body, adapter);
  }

  private <T> @Nullable T decode(ResponseBody body, JsonAdapter<T> adapter) throws IOException {
    Context context = current.get();
    if (context == null) {
      context = new Context(true, "none", LicenseQuery.all());
    }
    MediaType contentType = body.contentType();
    if (contentType != null
        && !contentType.subtype().toLowerCase(java.util.Locale.ROOT).contains("json")) {
      body.close();
      throw new ContractSignal(
          "$", "expected a JSON body but Content-Type was " + contentType, null, null);
    }
    GuardedSource guarded = new GuardedSource(body.source(), maxBodyBytes);
    try (body; // closed with the source, whatever happens
        BufferedSource source = Okio.buffer(guarded)) {
      JsonReader reader = JsonReader.of(source);
      reader.setTag(ViolationSink.class, context);
      T value;
      try {
        value = adapter.fromJson(reader);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
          throw new ContractSignal(
              reader.getPath(), "unexpected data after the JSON document", null, null);
        }
      } catch (IOException | JsonDataException e) {
        if (guarded.transportFailure != null) {
          throw guarded.transportFailure; // the connection failed: retryable
        }
        if (guarded.tooLarge) {
          throw new ContractSignal(
              "$", "response body is larger than the limit of " + maxBodyBytes + " bytes", null, e);
        }
        throw new ContractSignal(pathOf(reader), describe(e), null, e);
      }
      if (value == null) {
        throw new ContractSignal("$", "the body is JSON null", null, null);
      }
      return value;
    }
  }

  private static String pathOf(JsonReader reader) {
    try {
      return reader.getPath();
    } catch (RuntimeException e) {
      return "$";
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // Moshi appends " at path $..." itself; the path is reported separately.
    int at = message.indexOf(" at path ");
    if (at > 0) {
      message = message.substring(0, at);
    }
    if (e instanceof java.io.EOFException) {
      return "the JSON ends too early (" + message + ")";
    }
    return "malformed JSON: " + message;
  }

  /** Counts bytes and remembers whether a failure came from the connection itself. */
  static final class GuardedSource extends ForwardingSource {
    private final long limit;
    private long read;
    @Nullable IOException transportFailure;
    boolean tooLarge;

    GuardedSource(Source delegate, long limit) {
      super(delegate);
      this.limit = limit;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n;
      try {
        n = super.read(sink, byteCount);
      } catch (IOException e) {
        transportFailure = e;
        throw e;
      }
      if (n > 0) {
        read += n;
        if (read > limit) {
          tooLarge = true;
          throw new IOException("response body exceeds " + limit + " bytes");
        }
      }
      return n;
    }
  }
}

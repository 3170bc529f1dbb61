package dev.licensewatch.vspc.reliability;

import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.ContractViolation;
import dev.licensewatch.vspc.client.VspcEventListener;
import dev.licensewatch.vspc.client.VspcException;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Feeds synthetic response bodies to the real client: an OkHttp application interceptor answers
 * every call, so Retrofit, the client's converter (Decoding), the generated adapters, Requests and
 * the Paginator all run as in production; only the socket is skipped. The first page (offset 0) is
 * the fuzzed body; any later page is {@code {"data":[]}} so that every walk ends.
 */
final class FuzzHarness implements AutoCloseable {
  static final String JSON = "application/json; charset=utf-8";
  private volatile byte[] body = new byte[0];
  private volatile String contentType = JSON;
  private volatile int status = 200;
  private final AtomicInteger violations = new AtomicInteger();
  private final VspcLicensingClient strict;
  private final VspcLicensingClient lenient;
  // A 429 spends no attempt, and this server sends it for ever: a short deadline ends the walk.
  private final VspcLicensingClient strictThrottled;
  private final VspcLicensingClient lenientThrottled;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fuzz-runner");
            t.setDaemon(true);
            return t;
          });

  /** Outcome counts, shared by all fuzz tests for the summary. */
  static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();

  static final AtomicLong CASES = new AtomicLong();

  record Outcome(String kind, List<BackupServerLicense> licenses, Throwable error) {
    boolean ok() {
      return error == null;
    }
  }

  FuzzHarness() {
    Interceptor serve =
        chain -> {
          String offset = chain.request().url().queryParameter("offset");
          boolean first = offset == null || offset.equals("0");
          byte[] bytes =
              first ? body : "{\"data\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          String type = first ? contentType : JSON;
          return new Response.Builder()
              .request(chain.request())
              .protocol(Protocol.HTTP_1_1)
              .code(first ? status : 200)
              .message("fuzz")
              .body(ResponseBody.create(bytes, type == null ? null : MediaType.parse(type)))
              .build();
        };
    OkHttpClient base = new OkHttpClient.Builder().addInterceptor(serve).build();
    VspcEventListener count =
        new VspcEventListener() {
          @Override
          public void contractViolation(ContractViolation violation) {
            violations.incrementAndGet();
          }
        };
    this.strict = build(base, true, count).build();
    this.lenient = build(base, false, count).build();
    this.strictThrottled = build(base, true, count).deadline(Duration.ofMillis(100)).build();
    this.lenientThrottled = build(base, false, count).deadline(Duration.ofMillis(100)).build();
  }

  private static VspcLicensingClient.Builder build(
      OkHttpClient base, boolean strict, VspcEventListener l) {
    return VspcLicensingClient.builder()
        .baseUrl("https://vspc.fuzz.invalid:1280")
        .token(Secrets.TOKEN)
        .okHttpClient(base)
        .pageSize(5)
        .strict(strict)
        .maxAttempts(2)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
        .maxRetryAfter(Duration.ofSeconds(1))
        .eventListener(l);
  }

  /** Serves {@code bytes} and walks the collection in one mode; classifies what happened. */
  Outcome run(byte[] bytes, String type, int code, boolean strictMode) {
    this.body = bytes;
    this.contentType = type;
    this.status = code;
    violations.set(0);
    VspcLicensingClient client =
        code == 429
            ? (strictMode ? strictThrottled : lenientThrottled)
            : strictMode ? strict : lenient;
    Future<List<BackupServerLicense>> walk =
        runner.submit(
            () -> {
              List<BackupServerLicense> out = new ArrayList<>();
              client.licenses().forEach(out::add);
              return out;
            });
    Outcome outcome;
    try {
      List<BackupServerLicense> licenses = walk.get(20, TimeUnit.SECONDS);
      String kind =
          strictMode
              ? "ok-strict"
              : violations.get() > 0 ? "ok-lenient-with-violations" : "ok-lenient";
      outcome = new Outcome(kind, licenses, null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String kind =
          cause instanceof VspcException
              ? cause.getClass().getSimpleName() + (strictMode ? " (strict)" : " (lenient)")
              : "UNEXPECTED " + cause.getClass().getName();
      if (cause instanceof VspcException) {
        Secrets.check("fuzz exception", cause);
      }
      outcome = new Outcome(kind, List.of(), cause);
    } catch (TimeoutException e) {
      walk.cancel(true);
      outcome = new Outcome("HANG", List.of(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = new Outcome("INTERRUPTED", List.of(), e);
    }
    OUTCOMES.computeIfAbsent(outcome.kind(), k -> new AtomicLong()).incrementAndGet();
    return outcome;
  }

  static String distribution() {
    Map<String, Long> sorted = new TreeMap<>();
    OUTCOMES.forEach((k, v) -> sorted.put(k, v.get()));
    return sorted.toString();
  }

  static boolean clean() {
    return OUTCOMES.keySet().stream()
        .noneMatch(
            k ->
                k.startsWith("UNEXPECTED")
                    || k.equals("HANG")
                    || k.startsWith("LENIENT-DROPPED")
                    || k.startsWith("STRICT-REJECTED"));
  }

  @Override
  public void close() {
    strict.close();
    lenient.close();
    strictThrottled.close();
    lenientThrottled.close();
    runner.shutdownNow();
  }
}

package dev.licensewatch.vspc.client;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Client for {@code GET /api/v3/licensing/backupServers} of Veeam Service Provider Console.
 *
 * <pre>{@code
 * try (VspcLicensingClient client = VspcLicensingClient.builder()
 *     .baseUrl("https://vspc.example.com:1280")
 *     .token(System.getenv("VSPC_TOKEN"))
 *     .build()) {
 *   client.stream().forEach(licence -> System.out.println(licence.company()));
 * }
 * }</pre>
 *
 * <p>Thread-safe; one instance shares one connection pool. {@link #stream()} and {@link
 * #licenses()} page through the whole collection lazily, in pages of {@link Builder#pageSize(int)}
 * (the largest the API serves unless told otherwise); {@link #page(int, int)} fetches one page, and
 * {@link #page()} leaves the page size to the server. Every request is retried on I/O failures,
 * 408, 5xx and 520 with exponential backoff that honours the server's {@code Retry-After}, up to
 * {@link Builder#maxAttempts(int)} attempts. A 429 (VSPC limits requests per period and
 * simultaneous requests) is the server pacing the client, not a failure: the request waits as told
 * ({@code Retry-After} or {@code retryAfter} in the body), or backs off without a hint, and is sent
 * again without spending an attempt, for as long as its {@link Builder#deadline(Duration) deadline}
 * allows; a parallel walk also halves the pages it has in flight ({@link
 * Builder#adaptiveConcurrency(boolean)}). Failures are {@link VspcException} subtypes.
 */
public final class VspcLicensingClient implements AutoCloseable {
  /**
   * The API's default page size, as in the API document: what the server applies to a request
   * without {@code limit}, such as {@link #page()}. Walks ask for {@link #MAX_PAGE_SIZE} instead.
   */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** The largest page the API serves, and the page size of walks unless told otherwise. */
  public static final int MAX_PAGE_SIZE = 500;

  /** The most pages a client fetches at once. */
  public static final int MAX_CONCURRENCY = 64;

  /**
   * The version of the VSPC REST API document this client was generated from ({@code
   * info.version}), sent as {@code X-Client-Version} unless the builder says otherwise.
   */
  public static final String API_VERSION = LicensingApi.API_VERSION;

  private final Settings settings;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Requests requests;
  private final Object executorLock = new Object();
  private @Nullable ExecutorService prefetchExecutor;
  private volatile boolean closed;

  private VspcLicensingClient(Builder builder) {
    this.settings = new Settings(builder);
    OkHttpClient base = builder.okHttpClient;
    this.ownsHttp = base == null;
    OkHttpClient.Builder http =
        base != null
            ? base.newBuilder()
            : new OkHttpClient.Builder()
                .connectionPool(
                    new ConnectionPool(Math.max(5, settings.concurrency), 5, TimeUnit.MINUTES));
    http.connectTimeout(settings.connectTimeout)
        .readTimeout(settings.readTimeout)
        .writeTimeout(settings.readTimeout)
        .callTimeout(settings.callTimeout)
        .retryOnConnectionFailure(false); // retries are ours, with backoff and a deadline
    // No Dispatcher limits: they only bound enqueue()d calls, and every call here is execute()d.
    http.addInterceptor(new Interceptors.OnlyOk());
    http.addNetworkInterceptor(new Interceptors.Auth(settings.baseUrl, settings.tokenProvider));
    http.addNetworkInterceptor(new Interceptors.Log());
    Tls.configure(http, settings.trusted, settings.skipTlsVerification);
    if (cleartextOnly()) {
      // Plain http (loopback, or allowed explicitly) needs no TLS; without it, building the
      // client does not load the platform's trust store, the slowest part of a cold start.
      http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http = http.build();

    Moshi moshi = new Moshi.Builder().build();
    Decoding decoding = new Decoding(moshi, settings.maxResponseBytes);
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(settings.baseUrl)
            .client(this.http)
            .addConverterFactory(decoding)
            .validateEagerly(true)
            .build();
    this.requests =
        new Requests(
            retrofit.create(LicensingApi.class),
            retrofit.create(AsyncActionsApi.class),
            decoding,
            moshi,
            settings);
  }

  /**
   * Starts configuring a client.
   *
   * @return a builder with every default
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches one page with explicit {@code limit} (1..500) and {@code offset} (0 or more).
   *
   * @param limit licences per page, 1..500
   * @param offset licences to skip, 0 or more
   * @return the page
   */
  public LicensePage page(int limit, int offset) {
    return page(Integer.valueOf(limit), Integer.valueOf(offset));
  }

  /**
   * Fetches one page, leaving out a parameter that is null so the server applies its default (limit
   * 100, offset 0).
   *
   * @param limit licences per page, 1..500
   * @param offset licences to skip, 0 or more
   * @return the page
   */
  public LicensePage page(@Nullable Integer limit, @Nullable Integer offset) {
    return page(LicenseQuery.all(), limit, offset);
  }

  /**
   * Fetches one page of the licences {@code query} keeps, in its order and with its properties;
   * {@code total} counts what the query keeps. A null limit or offset is left out (the server's
   * default applies).
   *
   * @param query the filter, sort and select to send
   * @param limit licences per page, 1..500
   * @param offset licences to skip, 0 or more
   * @return the page
   */
  public LicensePage page(LicenseQuery query, @Nullable Integer limit, @Nullable Integer offset) {
    Objects.requireNonNull(query, "query");
    if (limit != null) {
      checkLimit(limit, "limit");
    }
    if (offset != null && offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
    checkOpen();
    return requests.fetch(query, limit, offset);
  }

  /**
   * Fetches the first page with the server's defaults (no {@code limit} or {@code offset} sent).
   *
   * @return the page
   */
  public LicensePage page() {
    return page((Integer) null, null);
  }

  /**
   * Every licence, lazily: pages are fetched as the stream is consumed (several ahead with {@link
   * Builder#concurrency(int)}). Close the stream when stopping early so prefetches are cancelled.
   * Failures surface as {@link VspcException} from the stream's terminal operation.
   *
   * @return the licences, a stream to close
   */
  public Stream<BackupServerLicense> stream() {
    return stream(LicenseQuery.all());
  }

  /**
   * The licences {@code query} keeps, lazily, in its order: the server filters, sorts and selects,
   * and every page of the walk carries the same query. As {@link #stream()} otherwise.
   *
   * @param query the filter, sort and select to send
   * @return the licences, a stream to close
   */
  public Stream<BackupServerLicense> stream(LicenseQuery query) {
    Paginator paginator = newPaginator(Objects.requireNonNull(query, "query"));
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                paginator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(paginator::close);
  }

  /**
   * Every licence, lazily; each {@code iterator()} starts a new walk from the first page.
   *
   * @return the licences
   */
  public Iterable<BackupServerLicense> licenses() {
    return licenses(LicenseQuery.all());
  }

  /**
   * The licences {@code query} keeps, lazily; each {@code iterator()} starts a new walk.
   *
   * @param query the filter, sort and select to send
   * @return the licences
   */
  public Iterable<BackupServerLicense> licenses(LicenseQuery query) {
    Objects.requireNonNull(query, "query");
    return () -> newPaginator(query);
  }

  private Paginator newPaginator(LicenseQuery query) {
    checkOpen();
    return new Paginator(
        requests,
        query,
        settings.pageSize,
        settings.concurrency,
        settings.adaptiveConcurrency,
        settings.concurrency > 1 ? executor() : null,
        settings.listener,
        settings.failOnDrift);
  }

  private ExecutorService executor() {
    synchronized (executorLock) {
      if (prefetchExecutor == null) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads =
            runnable -> {
              Thread thread = new Thread(runnable, "vspc-prefetch-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            };
        prefetchExecutor = Executors.newCachedThreadPool(threads);
      }
      return prefetchExecutor;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this VspcLicensingClient is closed");
    }
  }

  /** The index of the first character an HTTP header value cannot carry, or -1. */
  static int invalidTokenChar(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
        return i;
      }
    }
    return -1;
  }

  static void checkLimit(int limit, String name) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
    }
  }

  /**
   * Stops requests under way (their attempts are cancelled, no retry follows), releases the
   * prefetch threads and, unless the OkHttpClient was supplied, releases its connection pool.
   */
  @Override
  public void close() {
    closed = true;
    // Cancels this client's calls only; an interrupt would not end a blocked socket read.
    requests.close();
    synchronized (executorLock) {
      if (prefetchExecutor != null) {
        prefetchExecutor.shutdownNow();
      }
    }
    if (ownsHttp) {
      http.connectionPool().evictAll();
    }
  }

  /**
   * The server's URL as normalised from {@link Builder#baseUrl}, e.g. {@code https://host:1280/}.
   *
   * @return the base URL
   */
  public HttpUrl baseUrl() {
    return settings.baseUrl;
  }

  /**
   * A new OkHttpClient sharing this client's connection pool, TLS trust, timeouts and debug log,
   * without its token, retries and checks: for requests this client never sends itself, such as a
   * contract verifier's without a token or with {@code limit=501}. It sends only what it is given,
   * so the Authorization header is the caller's to set.
   *
   * @return an OkHttpClient sharing this client's pool, without the token
   */
  public OkHttpClient httpClientWithoutToken() {
    OkHttpClient.Builder bare = http.newBuilder();
    bare.interceptors().removeIf(i -> i instanceof Interceptors.OnlyOk);
    bare.networkInterceptors().removeIf(i -> i instanceof Interceptors.Auth);
    if (cleartextOnly()) {
      // Its requests may go to an https URL: the TLS this client left out, as configured.
      bare.connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
      Tls.configure(bare, settings.trusted, settings.skipTlsVerification);
    }
    return bare.build();
  }

  /** An http base URL and an OkHttpClient of our own (a caller's has set up its TLS already). */
  private boolean cleartextOnly() {
    return ownsHttp && !settings.baseUrl.isHttps();
  }

  /** The configuration, with the token shown as {@code ***}. */
  @Override
  public String toString() {
    return "VspcLicensingClient" + settings;
  }

  /** Configures a {@link VspcLicensingClient}. Not thread-safe; {@link #build()} copies it. */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable TokenProvider tokenProvider;
    private boolean staticToken;
    private String clientVersion = LicensingApi.API_VERSION;
    private int pageSize = MAX_PAGE_SIZE;
    private int concurrency = 1;
    private boolean adaptiveConcurrency = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(20);
    private Duration maxRetryAfter = Duration.ofSeconds(120);
    private Duration deadline = Duration.ofMinutes(3);
    private boolean strict = true;
    private boolean failOnDrift;
    private VspcEventListener listener = VspcEventListener.NONE;
    private final List<X509Certificate> trusted = new ArrayList<>();
    private boolean skipTlsVerification;
    private boolean allowInsecureHttp;
    private long maxResponseBytes = 32L * 1024 * 1024;
    private @Nullable OkHttpClient okHttpClient;
    private Sleeper sleeper = Sleeper.REAL;

    private Builder() {}

    /**
     * {@code https://host:1280}, with or without {@code /api/v3}. Required.
     *
     * @param baseUrl the server's URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * A static bearer token or VSPC API key. Surrounding blanks are trimmed; a character that an
     * HTTP header cannot carry is refused (the message gives its index, never the token).
     *
     * @param token the token, without {@code Bearer }
     * @return this builder
     */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token is blank");
      }
      String copy = token.trim();
      int bad = invalidTokenChar(copy);
      if (bad >= 0) {
        // The token itself is never part of a message.
        throw new IllegalArgumentException(
            "token has a character that cannot be sent in an HTTP header (at index " + bad + ")");
      }
      this.tokenProvider = () -> copy;
      this.staticToken = true;
      return this;
    }

    /**
     * A token source called for every request, so tokens can rotate.
     *
     * @param provider called for the token of each request
     * @return this builder
     */
    public Builder tokenProvider(TokenProvider provider) {
      this.tokenProvider = Objects.requireNonNull(provider, "provider");
      this.staticToken = false;
      return this;
    }

    /**
     * Sent as {@code X-Client-Version}; defaults to the API document's version.
     *
     * @param clientVersion the version to send
     * @return this builder
     */
    public Builder clientVersion(String clientVersion) {
      this.clientVersion = Objects.requireNonNull(clientVersion, "clientVersion");
      return this;
    }

    /**
     * Licences per request when paging, 1..500 (default 500, the largest the API serves: a fifth of
     * the round trips of the API's own default of 100, and as many licences per request).
     *
     * @param pageSize licences per request, 1..500
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      checkLimit(pageSize, "pageSize");
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Pages fetched in parallel when paging (default 1). With N > 1, once the first page reveals
     * the total, up to N requests are on the wire at once, and up to 2N pages are planned ahead of
     * the one being consumed, each sent as soon as an answer frees a place; licences still come in
     * server order. N is a ceiling: a throttling server makes the walk use fewer ({@link
     * #adaptiveConcurrency(boolean)}).
     *
     * @param concurrency the most pages in flight at once, 1..64
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
        throw new IllegalArgumentException(
            "concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Whether a parallel walk adapts the pages it has in flight to a throttling server (default
     * true). On a 429 the walk halves them (never below 1; at most once per round of requests), and
     * after each round of that many pages without a 429 it adds one again, up to {@link
     * #concurrency(int)}: additive increase, multiplicative decrease, as TCP does. The step back to
     * the size that met the last 429 takes four rounds, so a server with a fixed limit is probed
     * now and then rather than every few pages. Every attempt, retries included, counts while it is
     * on the wire, so after a 429 the pages already requested wait their turn (lowest offset first)
     * instead of all retrying at once; a request told how long to wait keeps its place meanwhile,
     * so the pages not yet sent do not meet the same refusal; a 429 without a hint that narrowed
     * the window is resent as soon as the narrower window lets it, and backs off only at a window
     * of 1. {@link VspcEventListener#concurrencyChanged} reports each change. With false, the walk
     * keeps {@code concurrency} pages in flight whatever the server says (429s are still waited
     * out, with backoff when the server gives no hint).
     *
     * @param adaptive false to keep {@code concurrency} pages in flight whatever the server says
     * @return this builder
     */
    public Builder adaptiveConcurrency(boolean adaptive) {
      this.adaptiveConcurrency = adaptive;
      return this;
    }

    /**
     * Longest time to open a connection (TLS handshake included).
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Longest silence while reading a response.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Longest time for one attempt of one request, body included.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Attempts per request, the first included (default 4; 1 disables retries after failures).
     * Failures spend attempts: an I/O error (refused, reset, cut short, timed out), 408, 500, 502,
     * 503, 504, 520. A 429 does not: the server is pacing the client, which waits as told (or backs
     * off without a hint) and sends again while the {@link #deadline(Duration)} allows, so a
     * throttling server slows a walk down instead of failing it.
     *
     * @param maxAttempts attempts per request, 1 or more
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * First backoff; it doubles per attempt up to {@code maxBackoff}, and each wait is drawn
     * between half that bound and the bound.
     *
     * @param initial the first backoff
     * @param max the limit
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = positive(initial, "initial backoff");
      this.maxBackoff = positive(max, "max backoff");
      return this;
    }

    /**
     * The longest single wait the server may ask for ({@code Retry-After}, or {@code retryAfter} in
     * a 429 body) and get; a longer one fails at once, saying so (default 120 s).
     *
     * @param max the limit
     * @return this builder
     */
    public Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = positive(max, "maxRetryAfter");
      return this;
    }

    /**
     * Overall time for one request including all retries and waits (default 3 min), counted from
     * its first attempt: the time a page of a parallel walk waits for its turn is not included.
     *
     * @param deadline the overall time per request
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    /**
     * Strict (default): a response that breaks the API document fails with {@link
     * VspcContractException}. Lenient: every licence is kept, each violation goes once to {@link
     * VspcEventListener#contractViolation} and the log.
     *
     * @param strict false for lenient decoding
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Fail the walk with {@link VspcPagingException} when the total changes while paging.
     *
     * @param failOnDrift true to fail the walk when the total changes
     * @return this builder
     */
    public Builder failOnDrift(boolean failOnDrift) {
      this.failOnDrift = failOnDrift;
      return this;
    }

    /**
     * Receives the walk's events (pages, retries, concurrency, drift, contract violations).
     *
     * @param listener thread-safe and fast: prefetch threads call it too
     * @return this builder
     */
    public Builder eventListener(VspcEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Also trust the certificates (a server's self-signed certificate, or a CA) in this PEM text.
     *
     * @param pem one or more PEM certificates
     * @return this builder
     */
    public Builder trustCertificatePem(String pem) {
      trusted.addAll(Tls.decodePem(pem, "the given PEM text"));
      return this;
    }

    /**
     * Also trust the certificates in this PEM file.
     *
     * @param pemFile a file of one or more PEM certificates
     * @return this builder
     */
    public Builder trustCertificatePem(Path pemFile) {
      String pem;
      try {
        pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read certificate file " + pemFile + ": " + e.getMessage(), e);
      }
      trusted.addAll(Tls.decodePem(pem, pemFile.toString()));
      return this;
    }

    /**
     * Emergencies only: accept any certificate and host name. Logs a warning on every build.
     *
     * @param skip true to skip every TLS check
     * @return this builder
     */
    public Builder insecureSkipTlsVerification(boolean skip) {
      this.skipTlsVerification = skip;
      return this;
    }

    /**
     * Allow plain {@code http://} to a host that is not loopback (the token then travels in clear).
     *
     * @param allow true to allow plain HTTP to any host
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Largest response body accepted (default 32 MiB); a larger one fails without being buffered.
     *
     * @param max the limit
     * @return this builder
     */
    public Builder maxResponseBytes(long max) {
      if (max < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + max);
      }
      this.maxResponseBytes = max;
      return this;
    }

    /**
     * Share this OkHttpClient's pool and dispatcher; {@link #close()} then cancels only this
     * client's calls and leaves them alone.
     *
     * @param client the OkHttpClient to share
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Builds the client; the builder can be changed and used again afterwards.
     *
     * @return a new client, to close when done
     * @throws IllegalStateException when the base URL or the token is missing
     */
    public VspcLicensingClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      if (tokenProvider == null) {
        throw new IllegalStateException("a token or tokenProvider is required");
      }
      return new VspcLicensingClient(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }
  }

  /** The built, immutable configuration. */
  static final class Settings {
    final HttpUrl baseUrl;
    final TokenProvider tokenProvider;
    final boolean staticToken;
    final String clientVersion;
    final int pageSize;
    final int concurrency;
    final boolean adaptiveConcurrency;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration callTimeout;
    final int maxAttempts;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final Duration maxRetryAfter;
    final Duration deadline;
    final boolean strict;
    final boolean failOnDrift;
    final VspcEventListener listener;
    final List<X509Certificate> trusted;
    final boolean skipTlsVerification;
    final long maxResponseBytes;
    final Sleeper sleeper;

    Settings(Builder b) {
      this.baseUrl = BaseUrl.parse(Objects.requireNonNull(b.baseUrl), b.allowInsecureHttp);
      this.tokenProvider = Objects.requireNonNull(b.tokenProvider);
      this.staticToken = b.staticToken;
      this.clientVersion = b.clientVersion;
      this.pageSize = b.pageSize;
      this.concurrency = b.concurrency;
      this.adaptiveConcurrency = b.adaptiveConcurrency;
      this.connectTimeout = b.connectTimeout;
      this.readTimeout = b.readTimeout;
      this.callTimeout = b.callTimeout;
      this.maxAttempts = b.maxAttempts;
      this.initialBackoff = b.initialBackoff;
      this.maxBackoff = b.maxBackoff;
      this.maxRetryAfter = b.maxRetryAfter;
      this.deadline = b.deadline;
      this.strict = b.strict;
      this.failOnDrift = b.failOnDrift;
      this.listener = b.listener;
      this.trusted = List.copyOf(b.trusted);
      this.skipTlsVerification = b.skipTlsVerification;
      this.maxResponseBytes = b.maxResponseBytes;
      this.sleeper = b.sleeper;
    }

    /**
     * Bounds one call by the call timeout and by what is left of the request's {@code deadline} (on
     * {@link #sleeper}'s clock): no call runs past the deadline.
     */
    void timeCall(Call<?> call, long deadline) {
      long left = Math.max(1, deadline - sleeper.nanoTime());
      call.timeout().timeout(Math.min(left, callTimeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * The wait before retry (or poll) {@code n}: the first backoff, doubling, up to the longest.
     */
    long backoffMillis(int n) {
      return Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(20, n - 1));
    }

    @Override
    public String toString() {
      return "{baseUrl="
          + baseUrl
          + ", token="
          + (staticToken ? "***" : "(provider)")
          + ", clientVersion="
          + clientVersion
          + ", pageSize="
          + pageSize
          + ", concurrency="
          + concurrency
          + ", maxAttempts="
          + maxAttempts
          + ", deadline="
          + deadline
          + ", strict="
          + strict
          + ", failOnDrift="
          + failOnDrift
          + ", trustedCertificates="
          + trusted.size()
          + ", tlsVerification="
          + (skipTlsVerification ? "OFF" : "on")
          + "}";
    }
  }
}

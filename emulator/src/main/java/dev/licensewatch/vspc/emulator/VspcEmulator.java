package dev.licensewatch.vspc.emulator;

import com.squareup.moshi.JsonReader;
import dev.licensewatch.vspc.emulator.FaultPlan.Fault;
import dev.licensewatch.vspc.emulator.HttpServerCore.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLServerSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running emulated VSPC server answering {@code GET /api/v3/licensing/backupServers}.
 *
 * <pre>{@code
 * try (VspcEmulator vspc = VspcEmulator.builder().licenses(1_000).seed(7).start()) {
 *   String url = vspc.baseUrl() + VspcEmulator.LICENSES_PATH;   // Bearer VspcEmulator.DEFAULT_TOKEN
 * }
 * }</pre>
 *
 * <p>Data, faults, drift and latency can be changed while it runs; every change is atomic with
 * respect to requests (a request sees the old or the new settings, never a mix).
 */
public final class VspcEmulator implements AutoCloseable {

  /** The path of the licences collection. */
  public static final String LICENSES_PATH = "/api/v3/licensing/backupServers";
  /** The token accepted when no token was configured. */
  public static final String DEFAULT_TOKEN = "vspc-emulator-token";
  /** The address bound unless {@link Builder#host} says otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Synthetic licences served unless {@link Builder#licenses} says otherwise. */
  public static final int DEFAULT_LICENSES = 250;
  /** Seed of the synthetic licences unless {@link Builder#seed} says otherwise. */
  public static final long DEFAULT_SEED = 42;
  /** The role given to tokens configured without one. */
  public static final String PORTAL_ADMINISTRATOR = "Portal Administrator";
  /** The roles that may read licences; other roles get 403. */
  public static final List<String> LICENSING_ROLES = List.of(PORTAL_ADMINISTRATOR,
      "Service Provider Global Administrator", "Service Provider Administrator");

  private static final Logger log = LoggerFactory.getLogger(VspcEmulator.class);
  private static final int MAX_LIMIT = 500;
  private static final int DEFAULT_LIMIT = 100;

  // Answers whose bytes never change: built once, not per request.
  private static final Response UNAUTHORIZED_401 = Response.error(401,
      "Authorization has been denied for this request.", "security");
  private static final Response FORBIDDEN_403 = Response.error(403,
      "Access to the requested resource is forbidden. Only these roles may read licenses: "
          + String.join(", ", LICENSING_ROLES) + ".", "security");
  private static final Response SERVER_ERROR_520 = Response.error(520,
      "Failed to retrieve the licenses of the managed servers.", "unspecified");
  private static final Response UNAVAILABLE_503 = Response.text(503, "Service Unavailable");
  private static final Response OK_EMPTY_OBJECT = Response.json(200, Json.EMPTY_OBJECT);

  /**
   * Everything a request depends on, swapped as a whole. Fault and drift request numbers count
   * from {@code faultBase} and {@code driftBase}; a drift is applied once ({@code driftApplied}).
   */
  private record Scenario(Dataset dataset, LicenseStore store, Auth auth, FaultPlan faults,
      long faultBase, Drift drift, long driftBase, boolean driftApplied) {

    static Scenario of(Dataset dataset, Auth auth, FaultPlan faults, Drift drift, long now) {
      return new Scenario(dataset, dataset.materialize(), auth, faults, now, drift, now, false);
    }

    /** A new dataset re-arms the drift. */
    Scenario withDataset(Dataset d, LicenseStore s, long now) {
      return new Scenario(d, s, auth, faults, faultBase, drift, now, false);
    }

    Scenario withFaults(FaultPlan plan, long now) {
      return new Scenario(dataset, store, auth, plan, now, drift, driftBase, driftApplied);
    }

    Scenario withDrift(Drift d, long now) {
      return new Scenario(dataset, store, auth, faults, faultBase, d, now, false);
    }

    Scenario drifted() {
      return new Scenario(dataset, store.drift(drift.delta()), auth, faults, faultBase, drift,
          driftBase, true);
    }
  }

  private final Config config;
  private final @Nullable HeldCertificate certificate;
  private final HttpServerCore server;
  private final AtomicReference<Scenario> scenario;
  private volatile Duration latency;
  private volatile Throttle throttle;
  private volatile AsyncAnswers async;
  private final AsyncActions actions = new AsyncActions();
  private final RequestLog requestLog = new RequestLog();
  /** The request being answered on this connection's thread, for the request log. */
  private final ThreadLocal<Request> answering = new ThreadLocal<>();

  private final AtomicLong licenseRequestNumber = new AtomicLong();
  private final LongAdder requests = new LongAdder();
  private final LongAdder licenseRequests = new LongAdder();
  private final Map<FaultKind, LongAdder> faults = new EnumMap<>(FaultKind.class);
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

  private VspcEmulator(Config config) throws IOException {
    this.config = config;
    for (FaultKind kind : FaultKind.values()) {
      faults.put(kind, new LongAdder());
    }
    this.latency = config.latency();
    this.throttle = new Throttle(config.throttling());
    this.async = config.async();
    Scenario initial = config.providerStates() ? scenarioOf(ProviderStates.initial())
        : Scenario.of(config.dataset(), config.auth(), config.faults(), config.drift(), 0);
    this.scenario = new AtomicReference<>(initial);

    SSLServerSocketFactory tls = null;
    if (config.tls()) {
      // A fresh key pair per start: tests trust exactly this certificate, nothing else.
      HeldCertificate held = new HeldCertificate.Builder()
          .commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .addSubjectAlternativeName("::1")
          .build();
      HandshakeCertificates serverCerts = new HandshakeCertificates.Builder()
          .heldCertificate(held)
          .build();
      tls = serverCerts.sslContext().getServerSocketFactory();
      Path pem = config.certificatePem();
      if (pem != null) {
        Path parent = pem.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(pem, held.certificatePem(), StandardCharsets.US_ASCII);
      }
      this.certificate = held;
    } else {
      this.certificate = null;
    }
    this.server = new HttpServerCore(config.host(), config.port(), tls,
        config.maxConnections(), this::handle);
    log.info("VSPC emulator listening on {} ({} licences, faults: {}, contract breaks: {})",
        baseUrl(), initial.store().size(), initial.faults(), config.breaks());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT} (https with TLS), without a trailing slash. */
  public String baseUrl() {
    InetAddress host = config.host();
    String h = host instanceof Inet6Address ? "[" + host.getHostAddress() + "]"
        : host.getHostAddress();
    return (config.tls() ? "https" : "http") + "://" + h + ":" + port();
  }

  /** {@link #baseUrl()} + {@link #LICENSES_PATH}. */
  public String licensesUrl() {
    return baseUrl() + LICENSES_PATH;
  }

  public int port() {
    return server.port();
  }

  /** The self-signed certificate (with its private key) served over TLS; empty without TLS. */
  public Optional<HeldCertificate> heldCertificate() {
    return Optional.ofNullable(certificate);
  }

  /** Client-side certificates trusting exactly this emulator's certificate; empty without TLS. */
  public Optional<HandshakeCertificates> clientCertificates() {
    return heldCertificate().map(held -> new HandshakeCertificates.Builder()
        .addTrustedCertificate(held.certificate())
        .build());
  }

  /** The number of licences a request would see now. */
  public int licenseCount() {
    return scenario.get().store().size();
  }

  /** What was served since the start or the last {@link #resetStats()}. */
  public EmulatorStats stats() {
    Map<FaultKind, Long> f = new EnumMap<>(FaultKind.class);
    faults.forEach((kind, n) -> {
      if (n.sum() > 0) {
        f.put(kind, n.sum());
      }
    });
    Map<Integer, Long> s = new LinkedHashMap<>();
    statuses.forEach((status, n) -> s.put(status, n.sum()));
    return new EmulatorStats(requests.sum(), licenseRequests.sum(), f, s, requestLog.licences());
  }

  /** Clears the stats and the request log. */
  public void resetStats() {
    requests.reset();
    licenseRequests.reset();
    faults.values().forEach(LongAdder::reset);
    statuses.clear();
    requestLog.clear();
  }

  /**
   * The last {@value RequestLog#CAPACITY} requests answered, oldest first, each with its status
   * and how many licences its answer held: what proves a filter kept the rest off the network.
   */
  public List<LoggedRequest> requestLog() {
    return requestLog.entries();
  }

  /** Queues licences requests as asynchronous actions from now on (or stops: {@link AsyncAnswers#none()}). */
  public void setAsync(AsyncAnswers answers) {
    this.async = Objects.requireNonNull(answers, "answers");
  }

  /** Serves this dataset from now on; drift is re-armed, counting requests from now. */
  public void reset(Dataset dataset) {
    LicenseStore store = dataset.materialize();
    long now = licenseRequestNumber.get();
    scenario.updateAndGet(s -> s.withDataset(dataset, store, now));
  }

  /** Installs a fault plan; its request numbers count from the next licences request. */
  public void setFaults(FaultPlan plan) {
    Objects.requireNonNull(plan, "plan");
    long now = licenseRequestNumber.get();
    scenario.updateAndGet(s -> s.withFaults(plan, now));
  }

  /** {@link #setFaults(FaultPlan)} with a spec string, see {@link FaultPlan#parse(String)}. */
  public void setFaults(String spec) {
    setFaults(FaultPlan.parse(spec));
  }

  /** Installs a drift; its request count starts now. */
  public void setDrift(Drift drift) {
    Objects.requireNonNull(drift, "drift");
    long now = licenseRequestNumber.get();
    scenario.updateAndGet(s -> s.withDrift(drift, now));
  }

  /** Throttles licences requests as VSPC does from now on ({@link Throttling#none()}: never). */
  public void setThrottling(Throttling throttling) {
    this.throttle = new Throttle(Objects.requireNonNull(throttling, "throttling"));
  }

  /** A delay before every licences response (zero for none). */
  public void setLatency(Duration latency) {
    this.latency = requireNonNegative(latency);
  }

  private static Duration requireNonNegative(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    return latency;
  }

  /**
   * Sets up a Pact provider state (see {@link ProviderStates} for the names and parameters),
   * replacing data, accepted tokens and faults. Works in any mode, so an in-JVM Pact verifier
   * can call it from its state methods.
   *
   * @throws IllegalArgumentException for an unknown state or a bad parameter
   */
  public void applyProviderState(String state, Map<String, ?> params) {
    apply(ProviderStates.setupFor(state, params));
  }

  /** Back to what provider-states mode serves before any state is set (3 licences). */
  public void resetProviderState() {
    apply(ProviderStates.initial());
  }

  private void apply(ProviderStates.Setup setup) {
    Scenario s = scenarioOf(setup);
    scenario.set(s);
    async = setup.async();
    actions.clear();
    if (setup.finishedAction() != null) {
      actions.finished(setup.finishedAction(), page(s.store(), CollectionQuery.NONE, 0, DEFAULT_LIMIT,
          config.breaks()));
    }
  }

  private Scenario scenarioOf(ProviderStates.Setup setup) {
    LocalDate today = config.today();
    Dataset d = today == null ? setup.dataset() : setup.dataset().withToday(today);
    return Scenario.of(d, setup.auth(), setup.faults(), Drift.none(), licenseRequestNumber.get());
  }

  /** Stops listening, closes every connection (hanging ones too) and stops all threads. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "VspcEmulator[" + baseUrl() + ", " + scenario.get().dataset() + "]";
  }

  // ---------------------------------------------------------------------------------------
  // Request handling

  private void handle(Request request, Exchange exchange)
      throws IOException, InterruptedException {
    answering.set(request);
    try {
      route(request, exchange);
    } finally {
      answering.remove();
    }
  }

  private void route(Request request, Exchange exchange)
      throws IOException, InterruptedException {
    requests.increment();
    String path = request.path();
    if (path.equalsIgnoreCase(LICENSES_PATH)) {
      if (!request.method().equals("GET")) {
        send(exchange, getOnly(request));
        return;
      }
      serveLicences(request, exchange);
    } else if (path.regionMatches(true, 0, AsyncActions.PATH, 0, AsyncActions.PATH.length())) {
      if (!request.method().equals("GET")) {
        send(exchange, getOnly(request));
        return;
      }
      Response refused = refused(request, scenario.get());
      send(exchange, refused != null ? refused : actions.answer(path));
    } else if (config.providerStates() && path.equals(ProviderStates.PATH)) {
      if (!request.method().equals("POST")) {
        send(exchange, Response.error(405, "Provider states are set with POST.", "logical")
            .withHeader("Allow", "POST"));
        return;
      }
      send(exchange, changeProviderState(request));
    } else {
      send(exchange, Response.error(404, "Resource " + path + " was not found.", "logical"));
    }
  }

  private static Response getOnly(Request request) {
    return Response.error(405, "The requested resource does not support http method '"
        + request.method() + "'.", "logical").withHeader("Allow", "GET");
  }

  private void serveLicences(Request request, Exchange exchange)
      throws IOException, InterruptedException {
    licenseRequests.increment();
    Throttle t = throttle;
    Response throttled = t.admit();
    if (throttled != null) {
      send(exchange, throttled);
      return;
    }
    try {
      serveAdmitted(request, exchange);
    } finally {
      t.release();
    }
  }

  private void serveAdmitted(Request request, Exchange exchange)
      throws IOException, InterruptedException {
    long n = licenseRequestNumber.incrementAndGet();
    Scenario s = scenarioFor(n);
    Duration delay = latency;
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    Fault fault = s.faults().faultFor(n - s.faultBase());
    if (fault == null) {
      Response answer = answer(request, s);
      AsyncAnswers plan = async;
      // A valid request may be queued: its 400, 401 or 403 comes at once, as from VSPC.
      send(exchange, plan.isNone() || answer.status() != 200 ? answer
          : actions.queue(request, answer, plan, baseUrl()));
      return;
    }
    faults.get(fault.kind()).increment();
    log.debug("licences request {}: fault {}", n, fault);
    int arg = fault.argument();
    switch (fault.kind()) {
      case THROTTLE -> send(exchange, Response.tooManyRequests(null)
          .withHeader("Retry-After", Integer.toString(arg)));
      case THROTTLE_BODY -> send(exchange, Response.tooManyRequests(arg));
      case THROTTLE_BOTH -> send(exchange, Response.tooManyRequests(arg)
          .withHeader("Retry-After", Integer.toString(arg)));
      case UNAVAILABLE -> {
        exchange.closeAfterResponse();
        send(exchange, UNAVAILABLE_503);
      }
      case SERVER_ERROR -> send(exchange, SERVER_ERROR_520);
      case RESET -> exchange.sendCut(answer(request, s), true);
      case TRUNCATE -> exchange.sendCut(answer(request, s), false);
      case SLOW_BODY -> {
        Response r = answer(request, s);
        counted(r, () -> exchange.sendSlowly(r, arg));
      }
      case HANG -> exchange.hang();
      case DELAY -> {
        Thread.sleep(arg);
        send(exchange, answer(request, s));
      }
    }
  }

  /** The scenario for the n-th licences request, applying a due drift exactly once. */
  private Scenario scenarioFor(long n) {
    while (true) {
      Scenario s = scenario.get();
      if (s.drift().isNone() || s.driftApplied() || n - s.driftBase() <= s.drift().afterRequest()) {
        return s;
      }
      Scenario drifted = s.drifted();
      if (scenario.compareAndSet(s, drifted)) {
        log.debug("drift {} applied before licences request {}", s.drift(), n);
        return drifted;
      }
    }
  }

  /** 401 or 403 when the request's token may not read licences; null when it may. */
  private static @Nullable Response refused(Request request, Scenario s) {
    return switch (s.auth().check(request.header("authorization"))) {
      case UNAUTHENTICATED -> UNAUTHORIZED_401;
      case FORBIDDEN -> FORBIDDEN_403;
      case OK -> null;
    };
  }

  /** What a healthy server answers: 401/403, 400, or a page. */
  private Response answer(Request request, Scenario s) {
    Response refused = refused(request, s);
    if (refused != null) {
      return refused;
    }
    IntParameter limit = IntParameter.of(request, "limit", DEFAULT_LIMIT, 1,
        config.breaks().maxLimit(MAX_LIMIT),
        "Property value must be between 1 and " + MAX_LIMIT + ".");
    Response bad = limit.error();
    if (bad != null) {
      return bad;
    }
    IntParameter offset = IntParameter.of(request, "offset", 0, 0, Integer.MAX_VALUE,
        "Property value must be larger or equal to 0.");
    bad = offset.error();
    if (bad != null) {
      return bad;
    }
    CollectionQuery query;
    try {
      query = CollectionQuery.of(request, s.store());
    } catch (CollectionQuery.Invalid e) {
      return Response.json(400, Json.error(e.getMessage(), "logical", 400, null, e.parameter));
    }
    return page(s.store(), query, offset.value(), limit.value(), config.breaks());
  }

  /** An int32 query parameter within min..max, or the 400 naming it. */
  private record IntParameter(int value, @Nullable Response error) {

    static IntParameter of(Request request, String name, int absent, int min, int max,
        String outOfRange) {
      String text = request.queryParameter(name);
      if (text == null) {
        return new IntParameter(absent, null);
      }
      int value;
      try {
        value = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        return bad(name, "Value '" + text + "' is not a valid integer.");
      }
      return value < min || value > max ? bad(name, outOfRange) : new IntParameter(value, null);
    }

    private static IntParameter bad(String name, String message) {
      return new IntParameter(0,
          Response.json(400, Json.error(message, "logical", 400, null, name)));
    }
  }

  /** The page at {@code offset} of the licences {@code query} keeps, in its order. */
  private static Response page(LicenseStore store, CollectionQuery query, int offset, int limit,
      Breaks breaks) {
    // The breaks change what the server holds: its filter and select see them too.
    java.util.function.IntFunction<Map<String, @Nullable Object>> licences = breaks.isNone()
        ? store::parsed : i -> Json.parse(breaks.licence(store.get(i)));
    int[] kept = query.apply(store, licences);
    int total = kept == null ? store.size() : kept.length;
    int from = Math.min(offset, total);
    int to = (int) Math.min(total, (long) from + limit);
    int count = to - from;
    List<byte[]> body = new ArrayList<>(2 * count + 2);
    body.add(breaks.pagePrefix(total, count, offset));
    for (int i = from; i < to; i++) {
      if (i > from) {
        body.add(Json.COMMA);
      }
      int index = kept == null ? i : kept[i];
      body.add(query.selects() ? Json.object(query.project(licences.apply(index)))
          : breaks.licence(store.get(index)));
    }
    body.add(Json.PAGE_SUFFIX);
    return breaks.page(Response.json(200, body)).holding(count);
  }

  private Response changeProviderState(Request request) {
    Map<?, ?> body;
    try (Buffer b = new Buffer().write(request.body()); JsonReader r = JsonReader.of(b)) {
      Object value = request.body().length == 0 ? Map.of() : r.readJsonValue();
      if (!(value instanceof Map<?, ?> m)) {
        return Response.error(400, "A provider state change must be a JSON object.",
            "logical");
      }
      body = m;
    } catch (IOException | RuntimeException e) {
      return Response.error(400, "A provider state change must be JSON: " + e.getMessage(),
          "logical");
    }
    Object state = body.get("state");
    if (state == null && body.get("states") instanceof List<?> states && !states.isEmpty()) {
      state = states.get(0);   // pact-js style
    }
    if (!(state instanceof String name) || name.isBlank()) {
      return Response.error(400, "A provider state change needs a \"state\" name. Known states: "
          + String.join("; ", ProviderStates.ALL) + ".", "logical");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    if (body.get("params") instanceof Map<?, ?> p) {
      p.forEach((k, v) -> {
        if (k != null && v != null) {
          params.put(k.toString(), v);
        }
      });
    }
    Object action = body.get("action");
    try {
      if (action == null || "setup".equalsIgnoreCase(action.toString())) {
        applyProviderState(name, params);
      } else if ("teardown".equalsIgnoreCase(action.toString())) {
        ProviderStates.setupFor(name, params);   // an unknown name is still an error
        resetProviderState();
      } else {
        return Response.error(400, "Unknown provider state action '" + action
            + "'; use setup or teardown.", "logical");
      }
    } catch (IllegalArgumentException e) {
      return Response.error(400, String.valueOf(e.getMessage()), "logical");
    }
    log.debug("provider state '{}' {} with {}", name, action == null ? "setup" : action, params);
    return OK_EMPTY_OBJECT;
  }

  private void send(Exchange exchange, Response response)
      throws IOException, InterruptedException {
    counted(response, () -> exchange.send(response));
  }

  private interface Sending {
    void run() throws IOException, InterruptedException;
  }

  /**
   * Counts the response before {@code sending} it, and takes the count back if sending fails:
   * counted after, a client could hold its response before the stats show it.
   */
  private void counted(Response response, Sending sending)
      throws IOException, InterruptedException {
    LongAdder sent = statuses.computeIfAbsent(response.status(), k -> new LongAdder());
    sent.increment();
    try {
      sending.run();
    } catch (IOException | InterruptedException | RuntimeException e) {
      sent.decrement();
      throw e;
    }
    Request request = answering.get();
    if (request != null) {
      requestLog.add(request, response);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Configuration

  private record Config(InetAddress host, int port, Dataset dataset, Auth auth, FaultPlan faults,
      Drift drift, Duration latency, boolean tls, @Nullable Path certificatePem,
      boolean providerStates, int maxConnections, @Nullable LocalDate today,
      Throttling throttling, Breaks breaks, AsyncAnswers async) {}

  /**
   * Options of an emulator. Defaults: {@link #DEFAULT_HOST}, a free port, {@link
   * #DEFAULT_LICENSES} synthetic licences from seed {@link #DEFAULT_SEED} in PascalCase around
   * today's date, token {@link #DEFAULT_TOKEN}, no faults, no drift, no latency, no throttling,
   * plain HTTP, provider states off.
   */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port;
    private int licenses = DEFAULT_LICENSES;
    private long seed = DEFAULT_SEED;
    private @Nullable LocalDate today;
    private EnumCasing casing = EnumCasing.PASCAL_CASE;
    private double unknownEnumShare;
    private @Nullable Dataset dataset;
    private @Nullable Path datasetFile;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private boolean anyToken;
    private Duration latency = Duration.ZERO;
    private FaultPlan faults = FaultPlan.none();
    private Drift drift = Drift.none();
    private Throttling throttling = Throttling.none();
    private boolean tls;
    private @Nullable Path certificatePem;
    private boolean providerStates;
    private int maxConnections = 256;
    private Breaks breaks = Breaks.NONE;
    private AsyncAnswers asyncAnswers = AsyncAnswers.none();

    private Builder() {}

    /** The address to bind (default 127.0.0.1). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port to bind; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** How many synthetic licences to serve (default 250). */
    public Builder licenses(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("licence count must be >= 0: " + count);
      }
      this.licenses = count;
      return this;
    }

    /** The seed of the synthetic licences (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The day expiry dates are spread around (default: the current UTC date). */
    public Builder today(LocalDate today) {
      this.today = Objects.requireNonNull(today, "today");
      return this;
    }

    /** Enum casing of synthetic licences (default PascalCase). */
    public Builder enumCasing(EnumCasing casing) {
      this.casing = Objects.requireNonNull(casing, "casing");
      return this;
    }

    /** Share (0..1) of synthetic licences with an enum value newer servers send. */
    public Builder unknownEnumShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be within 0..1: " + share);
      }
      this.unknownEnumShare = share;
      return this;
    }

    /** Serves this dataset; overrides licenses/seed/casing/unknownEnumShare/datasetFile. */
    public Builder dataset(Dataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
      return this;
    }

    /** Serves the licences of a JSON file (array of licences or a page body), as written. */
    public Builder datasetFile(Path file) {
      this.datasetFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Accepts this bearer token, with the role {@link #PORTAL_ADMINISTRATOR}. */
    public Builder token(String token) {
      return token(token, PORTAL_ADMINISTRATOR);
    }

    /**
     * Accepts this bearer token with this role; a role outside {@link #LICENSING_ROLES} (for
     * example "Company Administrator" or "Read-only User") gets 403.
     */
    public Builder token(String token, String role) {
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      tokens.put(token.trim(), Objects.requireNonNull(role, "role"));
      return this;
    }

    /** Accepts any non-empty bearer token. */
    public Builder acceptAnyToken() {
      this.anyToken = true;
      return this;
    }

    /** A delay before every licences response. */
    public Builder latency(Duration latency) {
      this.latency = requireNonNegative(latency);
      return this;
    }

    /** Faults from a spec string, see {@link FaultPlan#parse(String)}. */
    public Builder faults(String spec) {
      return faults(FaultPlan.parse(spec));
    }

    public Builder faults(FaultPlan plan) {
      this.faults = Objects.requireNonNull(plan, "plan");
      return this;
    }

    /** Licences added or removed while a client pages. */
    public Builder drift(Drift drift) {
      this.drift = Objects.requireNonNull(drift, "drift");
      return this;
    }

    /** Throttles licences requests as VSPC does (429s); see {@link Throttling}. */
    /** Queues licences requests as asynchronous actions (202), see {@link AsyncAnswers}. */
    public Builder async(AsyncAnswers answers) {
      this.asyncAnswers = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /** {@link #async(AsyncAnswers)} with a spec string, see {@link AsyncAnswers#parse(String)}. */
    public Builder async(String spec) {
      return async(AsyncAnswers.parse(spec));
    }

    public Builder throttling(Throttling throttling) {
      this.throttling = Objects.requireNonNull(throttling, "throttling");
      return this;
    }

    /** {@link #throttling(Throttling)} with a spec string, see {@link Throttling#parse}. */
    public Builder throttling(String spec) {
      return throttling(Throttling.parse(spec));
    }

    /** Serves HTTPS with a self-signed certificate for localhost and 127.0.0.1. */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /** Serves HTTPS and writes the certificate (PEM) to this file for clients to trust. */
    public Builder tlsCertificatePem(Path file) {
      this.certificatePem = Objects.requireNonNull(file, "file");
      this.tls = true;
      return this;
    }

    /**
     * Contract-testing mode: enables {@code POST /_pact/provider-states}; the current state
     * decides data and which tokens pass. Starts as state "licenses exist" with 3 licences.
     */
    public Builder providerStates(boolean enabled) {
      this.providerStates = enabled;
      return this;
    }

    /**
     * Breaks the API document in these ways (none by default), for trying a contract verifier;
     * see {@link ContractBreak}.
     */
    public Builder contractBreaks(Set<ContractBreak> breaks) {
      this.breaks = new Breaks(Objects.requireNonNull(breaks, "breaks"));
      return this;
    }

    /** {@link #contractBreaks(Set)} from names, see {@link ContractBreak#parse(String)}. */
    public Builder contractBreaks(String spec) {
      return contractBreaks(ContractBreak.parse(spec));
    }

    /** Most connections served at once (default 256); each takes a thread while open. */
    public Builder maxConnections(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1");
      }
      this.maxConnections = max;
      return this;
    }

    /** Builds the dataset, binds, and starts serving. */
    public VspcEmulator start() {
      Dataset d = dataset;
      if (d == null) {
        d = datasetFile != null ? Dataset.fromJsonFile(datasetFile)
            : Dataset.synthetic(licenses, seed).withCasing(casing)
                .withUnknownEnumShare(unknownEnumShare);
      }
      if (today != null) {
        d = d.withToday(today);
      }
      Auth auth = anyToken ? Auth.any()
          : new Auth(Auth.Mode.TOKENS, tokens.isEmpty()
              ? Map.of(DEFAULT_TOKEN, PORTAL_ADMINISTRATOR) : tokens);
      try {
        Config config = new Config(InetAddress.getByName(host), port, d, auth, faults, drift,
            latency, tls, certificatePem, providerStates, maxConnections, today, throttling,
            breaks, asyncAnswers);
        return new VspcEmulator(config);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the VSPC emulator on " + host + ":" + port,
            e);
      }
    }
  }
}

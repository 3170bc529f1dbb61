package dev.licensewatch.vspc.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
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
  // The work is done by package-private parts, each with one job: HttpServerCore (HTTP/1.1 on
  // sockets), Router (which resource), LicensesEndpoint (throttling, numbering, latency, the
  // answer), FaultResponder, PageRequest and Pages (parameters and page bytes), CurrentScenario
  // (data, tokens, faults and drift, swapped atomically), AsyncActions, ProviderStateEndpoint,
  // Counters (stats and the request log). This class wires them and is the API.

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
  public static final List<String> LICENSING_ROLES =
      List.of(
          PORTAL_ADMINISTRATOR,
          "Service Provider Global Administrator",
          "Service Provider Administrator");

  private static final Logger log = LoggerFactory.getLogger(VspcEmulator.class);

  private final Settings settings;
  private final @Nullable HeldCertificate certificate;
  private final CurrentScenario scenario;
  private final AsyncActions actions = new AsyncActions(this::baseUrl);
  private final Counters counters = new Counters();
  private final LicensesEndpoint licenses;
  private final HttpServerCore server;

  private VspcEmulator(Settings settings) throws IOException {
    this.settings = settings;
    ProviderStates.Setup initial = ProviderStates.initial();
    this.scenario =
        new CurrentScenario(
            settings.providerStates()
                ? Scenario.of(
                    datasetOf(initial), initial.auth(), initial.faults(), DriftPlan.none(), 0)
                : Scenario.of(
                    settings.dataset(), settings.auth(), settings.faults(), settings.drift(), 0));
    this.licenses = new LicensesEndpoint(scenario, settings, actions, counters);
    this.certificate = settings.tls() ? ServerCertificate.create() : null;
    Path pem = settings.certificatePem();
    if (certificate != null && pem != null) {
      ServerCertificate.writePem(certificate, pem);
    }
    Router router =
        new Router(
            licenses,
            actions,
            scenario,
            settings.providerStates()
                ? new ProviderStateEndpoint(this::applyProviderState, this::resetProviderState)
                : null,
            counters);
    this.server =
        new HttpServerCore(
            settings.host(),
            settings.port(),
            certificate == null ? null : ServerCertificate.serverSockets(certificate),
            settings.maxConnections(),
            counters.bytesSent(),
            router);
    log.info(
        "VSPC emulator listening on {} ({} licences, faults: {}, contract breaks: {})",
        baseUrl(),
        licenseCount(),
        scenario.get().faults(),
        settings.breaks());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT} (https with TLS), without a trailing slash. */
  public String baseUrl() {
    InetAddress host = settings.host();
    String h =
        host instanceof Inet6Address ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
    return (settings.tls() ? "https" : "http") + "://" + h + ":" + port();
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
    return heldCertificate().map(ServerCertificate::trusting);
  }

  /** The number of licences a request would see now. */
  public int licenseCount() {
    return scenario.get().store().size();
  }

  /** What was served since the start or the last {@link #resetStats()}. */
  public EmulatorStats stats() {
    return counters.snapshot();
  }

  /** Clears the stats and the request log. */
  public void resetStats() {
    counters.reset();
  }

  /**
   * The last {@value RequestLog#CAPACITY} requests answered, oldest first, each with its status and
   * how many licences its answer held: what proves a filter kept the rest off the network.
   */
  public List<LoggedRequest> requestLog() {
    return counters.log();
  }

  /**
   * Queues licences requests as asynchronous actions from now on (or stops: {@link
   * AsyncAnswers#none()}).
   */
  public void setAsync(AsyncAnswers answers) {
    licenses.setAsync(answers);
  }

  /** Serves this dataset from now on; drift is re-armed, counting requests from now. */
  public void reset(Dataset dataset) {
    scenario.reset(dataset);
  }

  /** Installs a fault plan; its request numbers count from the next licences request. */
  public void setFaults(FaultPlan plan) {
    scenario.setFaults(Objects.requireNonNull(plan, "plan"));
  }

  /** {@link #setFaults(FaultPlan)} with a spec string, see {@link FaultPlan#parse(String)}. */
  public void setFaults(String spec) {
    setFaults(FaultPlan.parse(spec));
  }

  /** Installs a drift; its request count starts now. */
  public void setDrift(DriftPlan drift) {
    scenario.setDrift(Objects.requireNonNull(drift, "drift"));
  }

  /** Throttles licences requests as VSPC does from now on ({@link Throttling#none()}: never). */
  public void setThrottling(Throttling throttling) {
    licenses.setThrottling(Objects.requireNonNull(throttling, "throttling"));
  }

  /** A delay before every licences response (zero for none). */
  public void setLatency(Duration latency) {
    licenses.setLatency(requireNonNegative(latency));
  }

  private static Duration requireNonNegative(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    return latency;
  }

  /**
   * Sets up a Pact provider state (see {@link ProviderStates} for the names and parameters),
   * replacing data, accepted tokens and faults. Works in any mode, so an in-JVM Pact verifier can
   * call it from its state methods.
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
    scenario.replace(datasetOf(setup), setup.auth(), setup.faults());
    licenses.setAsync(setup.async());
    actions.clear();
    if (setup.finishedAction() != null) {
      actions.finished(setup.finishedAction(), licenses.firstPage());
    }
  }

  /** A state's dataset, around the builder's {@code today} when it set one. */
  private Dataset datasetOf(ProviderStates.Setup setup) {
    LocalDate today = settings.today();
    return today == null ? setup.dataset() : setup.dataset().withToday(today);
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
  // Configuration

  /**
   * Options of an emulator. Defaults: {@link #DEFAULT_HOST}, a free port, {@link #DEFAULT_LICENSES}
   * synthetic licences from seed {@link #DEFAULT_SEED} in PascalCase around today's date, token
   * {@link #DEFAULT_TOKEN}, no faults, no drift, no latency, no throttling, plain HTTP, provider
   * states off.
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
    private DriftPlan drift = DriftPlan.none();
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
    public Builder drift(DriftPlan drift) {
      this.drift = Objects.requireNonNull(drift, "drift");
      return this;
    }

    /** Queues licences requests as asynchronous actions (202), see {@link AsyncAnswers}. */
    public Builder async(AsyncAnswers answers) {
      this.asyncAnswers = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /** {@link #async(AsyncAnswers)} with a spec string, see {@link AsyncAnswers#parse(String)}. */
    public Builder async(String spec) {
      return async(AsyncAnswers.parse(spec));
    }

    /** Throttles licences requests as VSPC does (429s); see {@link Throttling}. */
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
     * Contract-testing mode: enables {@code POST /_pact/provider-states}; the current state decides
     * data and which tokens pass. Starts as state "licenses exist" with 3 licences.
     */
    public Builder providerStates(boolean enabled) {
      this.providerStates = enabled;
      return this;
    }

    /**
     * Breaks the API document in these ways (none by default), for trying a contract verifier; see
     * {@link ContractBreak}.
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
        d =
            datasetFile != null
                ? Dataset.fromJsonFile(datasetFile)
                : Dataset.synthetic(licenses, seed)
                    .withCasing(casing)
                    .withUnknownEnumShare(unknownEnumShare);
      }
      if (today != null) {
        d = d.withToday(today);
      }
      try {
        return new VspcEmulator(
            new Settings(
                InetAddress.getByName(host),
                port,
                maxConnections,
                tls,
                certificatePem,
                providerStates,
                today,
                d,
                anyToken ? Auth.any() : Auth.tokens(tokens),
                faults,
                drift,
                latency,
                throttling,
                breaks,
                asyncAnswers));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the VSPC emulator on " + host + ":" + port, e);
      }
    }
  }
}

package dev.licensewatch.vspc.verifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a live VSPC server against the contract the client relies on.
 *
 * <pre>{@code
 * VerificationReport report = ContractVerifier.builder()
 *     .baseUrl(HttpUrl.get("https://vspc.example.com:1280/"))
 *     .token(System.getenv("VSPC_TOKEN"))
 *     .build()
 *     .run();
 * Files.writeString(Path.of("verify.xml"), report.toJunitXml(false));
 * System.exit(report.exitCode(false));
 * }</pre>
 *
 * <p>Sends only GET requests to the licences collection: a walk of at most {@link Builder#maxPages}
 * pages ({@link Builder#concurrency} at a time), about ten more for the edges of paging and
 * authentication, and one per replayable Pact interaction. A 429 is waited out as the server asks,
 * holding back every other request meanwhile. {@link #run()} never throws for anything the server
 * does: an unreachable server or a rejected token is a report that {@link
 * VerificationReport#couldNotRunReason() could not run}.
 */
public final class ContractVerifier {
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** A whole walk of a large MSP's licences, yet a bounded number of requests. */
  public static final int DEFAULT_MAX_PAGES = 300;

  public static final int DEFAULT_CONCURRENCY = 4;
  static final String TOKEN_LABEL = "the token";

  private final @Nullable HttpUrl baseUrl;
  private final OkHttpClient http;
  private final @Nullable String token;
  private final @Nullable String lowRoleToken;
  private final int pageSize;
  private final int maxPages;
  private final int concurrency;
  private final @Nullable String clientVersion;
  private final @Nullable String definition;
  private final @Nullable String definitionSource;
  private final Duration maxRetryAfter;
  private final Transport.Sleeper sleeper;

  private ContractVerifier(Builder b) {
    this.baseUrl = b.baseUrl;
    this.http = b.http != null ? b.http : new OkHttpClient();
    this.token = b.token;
    this.lowRoleToken = b.lowRoleToken;
    this.pageSize = b.pageSize;
    this.maxPages = b.maxPages;
    this.concurrency = b.concurrency;
    this.clientVersion = b.clientVersion;
    this.definition = b.definition;
    this.definitionSource = b.definitionSource;
    this.maxRetryAfter = b.maxRetryAfter;
    this.sleeper = b.sleeper;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs every check and returns the report. */
  public VerificationReport run() {
    Instant started = Instant.now();
    long start = System.nanoTime();
    Document document = Document.shipped();
    String madeUp = "verify-made-up-" + UUID.randomUUID();
    Secrets secrets = new Secrets().add(token).add(lowRoleToken).add(madeUp);
    Check definitionCheck =
        definition == null
            ? null
            : DefinitionDiff.compare(
                document, definition, Objects.requireNonNull(definitionSource));
    if (baseUrl == null) {
      return report(
          secrets,
          Objects.requireNonNull(definitionSource),
          document,
          started,
          start,
          0,
          0,
          List.of(Objects.requireNonNull(definitionCheck)),
          null);
    }
    HttpUrl collection = Objects.requireNonNull(baseUrl.resolve(document.path.substring(1)));
    Transport transport =
        new Transport(
            http,
            collection,
            clientVersion != null ? clientVersion : document.version(),
            maxRetryAfter,
            sleeper);
    Run run =
        new Run(
            document,
            transport,
            new Transport.Auth(TOKEN_LABEL, Objects.requireNonNull(token)),
            new Transport.Auth("a made-up token", madeUp),
            lowRoleToken == null ? null : new Transport.Auth("the low-role token", lowRoleToken),
            pageSize,
            maxPages,
            concurrency);
    String target = baseUrl.toString();

    Exchange first = run.get(run.token, "limit", pageSize, "offset", 0);
    List<Check> checks = new ArrayList<>();
    String reason = null;
    if (!first.ok()) {
      reason = couldNotRun(first, document);
      checks.add(
          Check.connectionFailed(
              Finding.of(Finding.Severity.ERROR, reason).in(first.request()), first.time()));
    } else {
      PagingChecks paging = new PagingChecks(run);
      List<Check> pagingChecks = paging.checks(paging.walk(first));
      List<Check> authChecks = new AuthChecks(run).checks();
      List<Check> pactChecks = new PactReplay(run).checks();
      checks.addAll(run.documents.checks());
      checks.addAll(pagingChecks);
      checks.addAll(authChecks);
      checks.addAll(pactChecks);
    }
    if (definitionCheck != null) {
      checks.add(definitionCheck);
    }
    return report(
        secrets,
        target,
        document,
        started,
        start,
        transport.sent(),
        transport.throttled(),
        checks,
        reason);
  }

  private static VerificationReport report(
      Secrets secrets,
      String target,
      Document document,
      Instant started,
      long start,
      int requests,
      int throttled,
      List<Check> checks,
      @Nullable String couldNotRun) {
    return new VerificationReport(
        secrets.redact(target),
        document.version(),
        started,
        Duration.ofNanos(System.nanoTime() - start),
        requests,
        throttled,
        checks.stream().map(c -> c.redacted(secrets)).toList(),
        secrets.redactOrNull(couldNotRun));
  }

  /** Why a first page that is not a 200 stops the verification. */
  private static String couldNotRun(Exchange first, Document document) {
    String request = first.request();
    if (!first.answered()) {
      return "no answer to " + request + ": " + first.outcome() + first.retries();
    }
    return switch (first.status()) {
      case 401 ->
          "the server rejected the token (HTTP 401) for "
              + request
              + "; check that it is valid and not expired";
      case 403 ->
          "the token's user may not read licences (HTTP 403) for "
              + request
              + "; verify needs a user with a licensing role";
      case 404 -> "no licences collection at " + request + " (HTTP 404); check the URL";
      case 429 ->
          "the server kept throttling (HTTP 429"
              + first.retries()
              + ") for "
              + request
              + "; try again later or with a lower concurrency";
      default ->
          "HTTP "
              + first.status()
              + first.retries()
              + " for the first page, "
              + request
              + "; the document ("
              + document.version()
              + ") expects 200";
    };
  }

  /** Configures a {@link ContractVerifier}. */
  public static final class Builder {
    private @Nullable HttpUrl baseUrl;
    private @Nullable OkHttpClient http;
    private @Nullable String token;
    private @Nullable String lowRoleToken;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int maxPages = DEFAULT_MAX_PAGES;
    private int concurrency = DEFAULT_CONCURRENCY;
    private @Nullable String clientVersion;
    private @Nullable String definition;
    private @Nullable String definitionSource;
    private Duration maxRetryAfter = Duration.ofSeconds(120);
    private Transport.Sleeper sleeper = Transport.Sleeper.REAL;

    private Builder() {}

    /**
     * The server, {@code https://vspc.example.com:1280/} (a trailing {@code api/v3/} is ignored).
     * Without it, only the {@link #serverDefinition} is compared.
     */
    public Builder baseUrl(HttpUrl url) {
      String path = url.encodedPath();
      if (!path.endsWith("/")) {
        path += "/";
      }
      if (path.endsWith("/api/v3/")) {
        path = path.substring(0, path.length() - "api/v3/".length());
      }
      this.baseUrl = url.newBuilder().encodedPath(path).query(null).fragment(null).build();
      return this;
    }

    /**
     * The HTTP client to send with: its TLS trust, timeouts and proxy are used as they are. The
     * verifier sets the Authorization header of every request itself.
     */
    public Builder httpClient(OkHttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The bearer token (or API key) of a user with a licensing role. Required with a server. */
    public Builder token(String token) {
      this.token = requireToken(token, "token");
      return this;
    }

    /** A token of a user without a licensing role, to check that it gets 403. Optional. */
    public Builder lowRoleToken(String token) {
      this.lowRoleToken = requireToken(token, "lowRoleToken");
      return this;
    }

    /** Licences per page of the walk, 1..500 (default 100). */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("pageSize must be between 1 and 500, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Pages the walk fetches at most (default 300): a longer walk is cut, and says so. */
    public Builder maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be 1 or more, was " + maxPages);
      }
      this.maxPages = maxPages;
      return this;
    }

    /** Pages of the walk fetched at once, 1..64 (default 4). Everything else is sequential. */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 64) {
        throw new IllegalArgumentException(
            "concurrency must be between 1 and 64, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /** Sent as X-Client-Version (default: the document's version). */
    public Builder clientVersion(String clientVersion) {
      this.clientVersion = Objects.requireNonNull(clientVersion, "clientVersion");
      return this;
    }

    /**
     * The server's own OpenAPI definition (YAML or JSON, OpenAPI 3 or Swagger 2), to compare its
     * {@code GetBackupServersLicenses} with ours; {@code source} names it in the report.
     */
    public Builder serverDefinition(String definition, String source) {
      this.definition = Objects.requireNonNull(definition, "definition");
      this.definitionSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The longest wait a 429 may ask for; a longer one is the answer (default 120 s). */
    public Builder maxRetryAfter(Duration max) {
      if (max.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
      this.maxRetryAfter = max;
      return this;
    }

    Builder sleeper(Transport.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public ContractVerifier build() {
      if (baseUrl == null && definition == null) {
        throw new IllegalStateException("give a baseUrl, a serverDefinition, or both");
      }
      if (baseUrl != null && token == null) {
        throw new IllegalStateException("a token is required to verify a server");
      }
      if (token != null && token.equals(lowRoleToken)) {
        throw new IllegalStateException("the low-role token is the token itself");
      }
      return new ContractVerifier(this);
    }

    private static String requireToken(String token, String name) {
      Objects.requireNonNull(token, name);
      if (token.isBlank()) {
        throw new IllegalArgumentException(name + " is blank");
      }
      for (int i = 0; i < token.trim().length(); i++) {
        char c = token.trim().charAt(i);
        if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
          // the token itself is never part of a message
          throw new IllegalArgumentException(
              name
                  + " has a character that cannot be sent in"
                  + " an HTTP header (at index "
                  + i
                  + ")");
        }
      }
      return token.trim();
    }
  }
}

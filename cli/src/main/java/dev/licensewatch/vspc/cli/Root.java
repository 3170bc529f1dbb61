package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import dev.licensewatch.vspc.verifier.ContractVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = Io.PROGRAM,
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "COMMAND",
    // The subcommands are added by Main (COMMANDS): only the one a run names, when it names one.
    description = {
      "Lists, exports and checks the licences of the Veeam Backup & Replication servers managed"
          + " by a Veeam Service Provider Console (REST API v3, GET /api/v3/licensing/backupServers).",
      "Global options go before the command. Not affiliated with or endorsed by Veeam.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  vspc-licenses --demo list",
      "  export VSPC_URL=https://vspc.example.com:1280 VSPC_TOKEN=...",
      "  vspc-licenses list",
      "  vspc-licenses --token-file ~/.vspc-token --ca-cert vspc.pem export --format csv --output licences.csv",
      "  vspc-licenses check --warn-days 60 --crit-days 15",
      "  vspc-licenses verify --junit verify.xml",
      "",
      "Exit codes: 0 success, 1 failure (server, network, TLS, file), 2 usage error;",
      "check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; verify: 0 conforms, 1 a break, 3 could not run.",
      "Environment: VSPC_URL, VSPC_TOKEN (used when --url, --token/--token-file are not given)."
    })
final class Root implements Runnable {
  /**
   * The commands, in the order help lists them. Building a command's picocli model reflects over
   * all its options, which showed in cold starts: a run builds only the one it names (Main).
   */
  static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    // Lambdas, not constructor references: a command's class loads only when it is built.
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("list", () -> new ListCommand());
    commands.put("export", () -> new ExportCommand());
    commands.put("page", () -> new PageCommand());
    commands.put("check", () -> new CheckCommand());
    commands.put("verify", () -> new VerifyCommand());
    commands.put("emulator", () -> new EmulatorCommand());
    return Collections.unmodifiableMap(commands);
  }

  /** Sample data of --demo: fixed, so a demo looks the same every day relative to today. */
  static final int DEMO_LICENSES = 42;

  static final long DEMO_SEED = 7;

  final Io io;
  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "VSPC server, e.g. https://vspc.example.com:1280 (with or without /api/v3)."
              + " Default: $VSPC_URL.")
  @Nullable String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Bearer token or API key. Default: $VSPC_TOKEN. Prefer --token-file or the"
              + " variable: command lines are visible to other users.")
  @Nullable String token;

  @Option(
      names = "--token-file",
      paramLabel = "PATH",
      description = "Read the token from this file (keep it chmod 600).")
  @Nullable Path tokenFile;

  @Option(
      names = "--ca-cert",
      paramLabel = "PATH",
      description = "Also trust this PEM certificate or CA (a self-signed VSPC certificate).")
  @Nullable Path caCert;

  @Option(
      names = "--insecure",
      description = "Skip TLS certificate verification, with a warning. Tests only.")
  boolean insecure;

  @Option(
      names = "--allow-http",
      description =
          "Allow a plain http --url to a host other than this machine, with a warning:"
              + " the token travels in clear. Only on a network you trust.")
  boolean allowHttp;

  static final int DEFAULT_CONCURRENCY = 4;

  // set by picocli through the setters below, their defaults included (none for --page-size)
  private @Nullable Integer pageSize;
  private int concurrency;
  @Nullable Integer timeoutSeconds;
  @Nullable Integer maxAttempts;

  @Option(
      names = "--client-version",
      paramLabel = "V",
      description = "Sent as X-Client-Version (default: the API document's version).")
  @Nullable String clientVersion;

  @Option(
      names = "--strict",
      description =
          "Fail on a response that breaks the API document or on licences changing"
              + " while paging. Default: keep every licence and warn on stderr.")
  boolean strict;

  @Option(
      names = "--demo",
      description =
          "Ignore --url/--token: start an embedded emulator with "
              + DEMO_LICENSES
              + " sample licences on a free loopback port and use it.")
  boolean demo;

  @Option(
      names = "--verbose",
      description = "Request summaries and stack traces on stderr (the token is never shown).")
  boolean verbose;

  Root(Io io) {
    this.io = io;
  }

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description =
          "Licences per request, 1.."
              + VspcLicensingClient.MAX_PAGE_SIZE
              + " (default: "
              + VspcLicensingClient.MAX_PAGE_SIZE
              + ", the largest the API serves;"
              + " verify: "
              + ContractVerifier.DEFAULT_PAGE_SIZE
              + ", so that its walk crosses"
              + " pages).")
  void setPageSize(int n) {
    checkRange(spec.commandLine(), "--page-size", n, 1, VspcLicensingClient.MAX_PAGE_SIZE);
    pageSize = n;
  }

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_CONCURRENCY,
      description =
          "Pages fetched in parallel, 1.."
              + VspcLicensingClient.MAX_CONCURRENCY
              + " (default: ${DEFAULT-VALUE}).")
  void setConcurrency(int n) {
    checkRange(spec.commandLine(), "--concurrency", n, 1, VspcLicensingClient.MAX_CONCURRENCY);
    concurrency = n;
  }

  /** Licences per request of a walk: the largest page unless --page-size says otherwise. */
  int pageSize() {
    return pageSize != null ? pageSize : VspcLicensingClient.MAX_PAGE_SIZE;
  }

  /** --page-size as given, or null. */
  @Nullable Integer pageSizeOption() {
    return pageSize;
  }

  int concurrency() {
    return concurrency;
  }

  /** Whether a server is given at all (--url, VSPC_URL or --demo). */
  boolean hasServer() {
    return demo || url != null || io.env("VSPC_URL") != null;
  }

  /** The ranges are the client's (its public limits), checked at parse time under the option. */
  static void checkRange(CommandLine command, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          command, option + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      description =
          "Attempts per request after failures (resets, 5xx, 520), the first included;"
              + " 1 disables retries (default: 4). A throttled request (HTTP 429) is waited out"
              + " without spending attempts, within --timeout.")
  void setMaxAttempts(int n) {
    if (n < 1) {
      throw new ParameterException(
          spec.commandLine(), "--max-attempts must be 1 or more, was " + n);
    }
    maxAttempts = n;
  }

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "Longest time for one request, retries included (default: 10 s to connect,"
              + " 30 s of silence, 60 s per attempt, 3 min with retries).")
  void setTimeout(int seconds) {
    if (seconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be 1 second or more, was " + seconds);
    }
    timeoutSeconds = seconds;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: one of list, export, page, check, verify, emulator");
  }

  /** An open connection: the client, and the demo emulator when --demo. */
  static final class Session implements AutoCloseable {
    final VspcLicensingClient client;
    final @Nullable VspcEmulator emulator;
    final Events events;

    /** The token the client sends (verify sends it itself); never printed. */
    final String token;

    Session(
        VspcLicensingClient client, @Nullable VspcEmulator emulator, Events events, String token) {
      this.client = client;
      this.emulator = emulator;
      this.events = events;
      this.token = token;
    }

    @Override
    public void close() {
      events.finish();
      client.close();
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  /** Turns on --verbose logging; every command calls it first. */
  void init() {
    if (verbose) {
      CliLogging.verbose(io.err, io::redact);
    }
  }

  /**
   * Validates the connection options and builds the client. Usage problems (no URL, no token,
   * unreadable token file or certificate, bad URL) are {@link ParameterException}s of {@code
   * command}.
   */
  Session open(CommandLine command, boolean progress) {
    init();
    Events events = new Events(io, progress && io.interactive, pageSize());
    VspcEmulator emulator = null;
    String baseUrl;
    String secret;
    if (demo) {
      emulator = VspcEmulator.builder().licenses(DEMO_LICENSES).seed(DEMO_SEED).start();
      baseUrl = emulator.baseUrl();
      secret = VspcEmulator.DEFAULT_TOKEN;
      if (verbose) {
        io.printErr(
            "demo: embedded VSPC emulator with " + DEMO_LICENSES + " licences on " + baseUrl);
      }
    } else {
      baseUrl = url != null ? url : io.env("VSPC_URL");
      if (baseUrl == null) {
        throw new ParameterException(
            command, "no server: give --url https://HOST:1280 or set VSPC_URL (or try --demo)");
      }
      secret = resolveToken(command);
    }
    try {
      VspcLicensingClient.Builder builder =
          VspcLicensingClient.builder()
              .pageSize(pageSize())
              .concurrency(concurrency)
              .strict(strict)
              .failOnDrift(strict)
              .eventListener(events);
      try {
        builder.token(secret);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            command,
            "bad token: " + Errors.message(e) + "; check --token, --token-file or VSPC_TOKEN");
      }
      if (clientVersion != null) {
        builder.clientVersion(clientVersion);
      }
      if (maxAttempts != null) {
        builder.maxAttempts(maxAttempts);
      }
      if (timeoutSeconds != null) {
        Duration t = Duration.ofSeconds(timeoutSeconds);
        builder
            .connectTimeout(t.compareTo(Duration.ofSeconds(10)) < 0 ? t : Duration.ofSeconds(10))
            .readTimeout(t)
            .callTimeout(t)
            .deadline(t);
      }
      if (!demo) {
        if (caCert != null) {
          trust(builder, caCert, command);
        }
        if (insecure) {
          io.warn(
              "--insecure: TLS certificate verification is off; anyone on the network path"
                  + " can impersonate the server and read the token");
          builder.insecureSkipTlsVerification(true);
        }
        if (allowHttp) {
          io.warn(
              "--allow-http: a plain http --url sends the token in clear to anyone on the"
                  + " network path");
          builder.allowInsecureHttp(true);
        }
      }
      builder.baseUrl(baseUrl);
      try {
        // What is left for build() to refuse is the URL (malformed, or plain http to a remote
        // host).
        return new Session(builder.build(), emulator, events, secret);
      } catch (IllegalArgumentException | IllegalStateException e) {
        if (!demo && !allowHttp && acceptedOverHttp(builder)) {
          throw new ParameterException(
              command,
              "refusing plain http to "
                  + baseUrl
                  + ": the token would travel in clear; use https, or --allow-http on a network you"
                  + " trust");
        }
        throw new ParameterException(command, "bad --url: " + Errors.message(e));
      }
    } catch (RuntimeException e) {
      closeQuietly(emulator);
      throw e;
    }
  }

  /** Whether the client's own rule refused the URL only for being plain http. */
  private static boolean acceptedOverHttp(VspcLicensingClient.Builder builder) {
    try {
      builder.allowInsecureHttp(true).build().close();
      return true;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    } finally {
      builder.allowInsecureHttp(false);
    }
  }

  private static void trust(VspcLicensingClient.Builder builder, Path pem, CommandLine command) {
    try {
      builder.trustCertificatePem(pem);
    } catch (UncheckedIOException e) {
      throw new ParameterException(command, Errors.message(e) + "; check --ca-cert");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command, "bad --ca-cert: " + Errors.message(e));
    }
  }

  private String resolveToken(CommandLine command) {
    if (token != null && tokenFile != null) {
      throw new ParameterException(command, "give either --token or --token-file, not both");
    }
    String value;
    if (tokenFile != null) {
      value = readTokenFile(command, tokenFile);
    } else if (token != null) {
      value = token;
    } else {
      value = io.env("VSPC_TOKEN");
      if (value == null) {
        throw new ParameterException(
            command, "no token: give --token-file PATH (or --token TOKEN) or set VSPC_TOKEN");
      }
    }
    if (value.isBlank()) {
      throw new ParameterException(command, "the token is empty");
    }
    io.addSecret(value);
    return value.trim();
  }

  String readTokenFile(CommandLine command, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new ParameterException(
          command,
          "cannot read the token file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); check the path and its permissions");
    }
    io.addSecret(text);
    String first =
        text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    io.addSecret(first);
    if (first.isEmpty()) {
      throw new ParameterException(command, "the token file " + file + " is empty");
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.contains(PosixFilePermission.GROUP_READ)
          || perms.contains(PosixFilePermission.OTHERS_READ)) {
        io.warn(
            "the token file "
                + file
                + " is readable by group/others; restrict it with"
                + " chmod 600 "
                + file);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
    return first;
  }

  private static void closeQuietly(@Nullable VspcEmulator emulator) {
    if (emulator != null) {
      emulator.close();
    }
  }
}

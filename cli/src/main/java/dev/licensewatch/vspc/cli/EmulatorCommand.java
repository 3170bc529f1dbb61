package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.emulator.ContractBreak;
import dev.licensewatch.vspc.emulator.DriftPlan;
import dev.licensewatch.vspc.emulator.EnumCasing;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a VSPC stand-in server (GET /api/v3/licensing/backupServers with synthetic data) in"
          + " the foreground until Ctrl-C or SIGTERM; prints its URL on stdout.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  vspc-licenses emulator --port 8080 --licenses 1000",
      "  VSPC_TOKEN=vspc-emulator-token vspc-licenses --url http://127.0.0.1:8080 list",
      "  vspc-licenses emulator --tls /tmp/vspc.pem --faults '429@2,reset@5'",
      "  vspc-licenses emulator --faults 'random:seed=42,rate=0.2,kinds=429|503'",
      "  vspc-licenses emulator --licenses 1000 --drift +25@3",
      "  vspc-licenses emulator --throttle 'simultaneous=2,per-period=100/10s'",
      "  vspc-licenses emulator --async succeed:2",
      "  vspc-licenses emulator --dataset licences.json --enum-casing lower",
      "  vspc-licenses emulator --port 8080 --break null-in-non-nullable,total-changes"
    })
final class EmulatorCommand implements Callable<Integer> {
  @ParentCommand Root root;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "Port to bind (default: a free one).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = VspcEmulator.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--licenses",
      paramLabel = "N",
      description = "Synthetic licences to serve (default: ${DEFAULT-VALUE}).")
  int licenses = VspcEmulator.DEFAULT_LICENSES;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the synthetic licences (default: ${DEFAULT-VALUE}).")
  long seed = VspcEmulator.DEFAULT_SEED;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      description = "Serve the licences of this JSON file (an array, or a page body) instead.")
  @Nullable Path dataset;

  @Option(
      names = "--enum-casing",
      paramLabel = "CASING",
      defaultValue = "pascal",
      description =
          "pascal (current servers) or lower (older servers) (default: ${DEFAULT-VALUE}).")
  String enumCasing;

  @Option(
      names = "--token",
      paramLabel = "T",
      description = "Accept this bearer token (default: " + VspcEmulator.DEFAULT_TOKEN + ").")
  @Nullable String token;

  @Option(
      names = "--latency-ms",
      paramLabel = "N",
      description = "Delay before every licences response (default: none).")
  long latencyMs;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description =
          "Faults to inject, e.g. '429@2,reset@5' or 'random:seed=42,rate=0.2,kinds=429|503'.")
  @Nullable String faults;

  @Option(
      names = "--drift",
      paramLabel = "SPEC",
      description =
          "Change the licences once while a client pages through them: '+M@K' adds M"
              + " licences at the front after the K-th licences request, '-M@K' removes M"
              + " (shows the drift warning, or with --strict the error, of the other commands).")
  @Nullable String drift;

  @Option(
      names = "--throttle",
      paramLabel = "SPEC",
      description =
          "Throttle like VSPC (429s): 'simultaneous=N' (no retryAfter),"
              + " 'per-period=N/10s' (retryAfter in the error), 'retry-after=header|both|none'.")
  @Nullable String throttle;

  @Option(
      names = "--async",
      paramLabel = "SPEC",
      description =
          "Queue every licences request as an asynchronous action (202), as VSPC may:"
              + " 'succeed', 'succeed:N' (N polls say Running first), 'fail:N', 'cancel:N'.")
  @Nullable String async;

  @Option(
      names = "--tls",
      paramLabel = "PEMPATH",
      description =
          "Serve HTTPS with a fresh self-signed certificate, written to PEMPATH"
              + " (give it to --ca-cert).")
  @Nullable Path tls;

  @Option(
      names = "--low-role-token",
      paramLabel = "T",
      description = "Also accept this token, for a user without a licensing role (gets 403).")
  @Nullable String lowRoleToken;

  @Option(
      names = "--break",
      paramLabel = "NAMES",
      split = ",",
      description =
          "Break the API document in these ways, for trying verify: "
              + "${COMPLETION-CANDIDATES}. new-enum-value and new-property are additions, not breaks.",
      completionCandidates = BreakNames.class)
  @Nullable List<String> breaks;

  @Option(
      names = "--provider-states",
      description = "Pact provider-states mode: POST /_pact/provider-states sets data and tokens.")
  boolean providerStates;

  /** The names --break accepts, for the help text. */
  static final class BreakNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(ContractBreak.values()).map(ContractBreak::spec).iterator();
    }
  }

  /** Released by the shutdown hook (or an interrupt, in tests). */
  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() {
    root.init();
    Io io = root.io;
    if (token != null) {
      io.addSecret(token);
    }
    if (lowRoleToken != null) {
      io.addSecret(lowRoleToken);
    }
    VspcEmulator emulator;
    try {
      VspcEmulator.Builder builder =
          VspcEmulator.builder()
              .host(host)
              .port(port)
              .licenses(licenses)
              .seed(seed)
              .enumCasing(EnumCasing.parse(enumCasing))
              .latency(Duration.ofMillis(latencyMs))
              .providerStates(providerStates);
      if (dataset != null) {
        builder.datasetFile(dataset);
      }
      if (token != null || lowRoleToken != null) {
        builder.token(token != null ? token : VspcEmulator.DEFAULT_TOKEN);
      }
      if (lowRoleToken != null) {
        builder.token(lowRoleToken, "Read-only User");
      }
      if (breaks != null) {
        builder.contractBreaks(String.join(",", breaks));
      }
      if (faults != null) {
        builder.faults(faults);
      }
      if (drift != null) {
        builder.drift(DriftPlan.parse(drift));
      }
      if (throttle != null) {
        builder.throttling(throttle);
      }
      if (async != null) {
        builder.async(async);
      }
      if (tls != null) {
        builder.tlsCertificatePem(tls);
      }
      emulator = builder.start();
    } catch (IllegalArgumentException e) {
      // the emulator's builder checks every option and names the problem
      throw new ParameterException(spec.commandLine(), Errors.message(e));
    } catch (RuntimeException e) {
      throw new CliException(
          "cannot start the emulator: "
              + Errors.message(e)
              + "; choose another --port or check --dataset and --tls",
          e);
    }
    Thread hook =
        new Thread(
            () -> {
              emulator.close();
              stop.countDown();
            },
            "vspc-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      io.out.println(
          "VSPC emulator listening on "
              + emulator.baseUrl()
              + " ("
              + Values.count(emulator.licenseCount(), "licence")
              + (providerStates ? ", provider states" : "")
              + ")");
      if (tls != null) {
        io.out.println("certificate: " + tls + " (use --ca-cert " + tls + ")");
      }
      if (breaks != null && !breaks.isEmpty()) {
        io.out.println(
            "contract breaks: "
                + String.join(",", breaks)
                + " (try: "
                + Io.PROGRAM
                + " --url "
                + emulator.baseUrl()
                + " verify)");
      }
      if (token == null && !providerStates) {
        io.out.println("token: " + VspcEmulator.DEFAULT_TOKEN);
      }
      io.out.println(
          "try: VSPC_TOKEN="
              + (token == null ? VspcEmulator.DEFAULT_TOKEN : "...")
              + " "
              + Io.PROGRAM
              + " --url "
              + emulator.baseUrl()
              + (tls != null ? " --ca-cert " + tls : "")
              + " list");
      io.out.println("press Ctrl-C to stop");
      io.out.flush();
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      emulator.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
    return 0;
  }
}

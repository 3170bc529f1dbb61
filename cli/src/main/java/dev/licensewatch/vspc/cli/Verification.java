package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.VspcAuthenticationException;
import dev.licensewatch.vspc.client.VspcException;
import dev.licensewatch.vspc.client.VspcIoException;
import dev.licensewatch.vspc.client.VspcNotFoundException;
import dev.licensewatch.vspc.client.VspcPermissionException;
import dev.licensewatch.vspc.client.VspcRateLimitedException;
import dev.licensewatch.vspc.verifier.ContractVerifier;
import dev.licensewatch.vspc.verifier.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs {@code verify}: the connection comes from the global options as for every command, the
 * checks from {@link ContractVerifier}; this class only wires and prints.
 */
final class Verification {
  private final VerifyCommand options;
  private final Root root;
  private final Io io;
  private final CommandLine command;

  private Verification(VerifyCommand options) {
    this.options = options;
    this.root = options.root;
    this.io = root.io;
    this.command = options.spec.commandLine();
  }

  static int run(VerifyCommand options) {
    return new Verification(options).run();
  }

  private int run() {
    String lowRole = lowRoleToken();
    VerificationReport report;
    try {
      if (!root.hasServer() && options.serverDefinition != null) {
        Definition definition = definition(options.serverDefinition, null, null);
        report =
            guarded(
                definition.source(),
                () ->
                    ContractVerifier.builder()
                        .serverDefinition(definition.text(), definition.source())
                        .build()
                        .run());
      } else {
        try (Root.Session session = root.open(command, false)) {
          session.events.muteViolations();
          report = verify(session, lowRole);
        }
      }
    } catch (CliException e) {
      // the server's definition could not be loaded: nothing was verified
      report =
          VerificationReport.couldNotRun(
              String.valueOf(options.serverDefinition), Errors.describe(e, false));
    }
    return print(report);
  }

  private VerificationReport verify(Root.Session session, @Nullable String lowRole) {
    String target = session.client.baseUrl().toString();
    try {
      // The client's own first request tells the reasons verify cannot run as every command
      // tells them (TLS advice, the token, the URL); a broken answer is for the checks.
      session.client.page(1, 0);
    } catch (VspcIoException
        | VspcAuthenticationException
        | VspcPermissionException
        | VspcNotFoundException
        | VspcRateLimitedException e) {
      return VerificationReport.couldNotRun(target, Errors.describe(e, false));
    } catch (VspcException brokenAnswer) {
      // reported by the checks
    }
    OkHttpClient http = session.client.httpClientWithoutToken();
    ContractVerifier.Builder verifier =
        ContractVerifier.builder()
            .baseUrl(session.client.baseUrl())
            .httpClient(http)
            .token(session.token)
            .concurrency(root.concurrency())
            .maxPages(options.maxPages);
    if (root.pageSizeOption() != null) {
      verifier.pageSize(root.pageSizeOption()); // else the verifier's: its walk crosses pages
    }
    if (lowRole != null) {
      verifier.lowRoleToken(lowRole);
    }
    if (root.clientVersion != null) {
      verifier.clientVersion(root.clientVersion);
    }
    if (options.serverDefinition != null) {
      Definition definition = definition(options.serverDefinition, http, session);
      verifier.serverDefinition(definition.text(), definition.source());
    }
    return guarded(target, () -> verifier.build().run());
  }

  /** The verifier never throws for what a server does; anything else is reported, not lost. */
  private VerificationReport guarded(
      String target, java.util.function.Supplier<VerificationReport> verification) {
    try {
      return verification.get();
    } catch (RuntimeException e) {
      if (root.verbose) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        io.printErr(trace.toString());
      }
      return VerificationReport.couldNotRun(target, Errors.describe(e, false));
    }
  }

  private int print(VerificationReport report) {
    boolean strict = root.strict;
    String text =
        options.format == VerifyCommand.Format.JSON ? report.toJson(strict) : report.toText(strict);
    io.out.print(io.redact(text));
    io.out.flush();
    if (report.couldNotRunReason() != null) {
      io.error("verify could not run: " + report.couldNotRunReason());
    }
    if (options.junit != null) {
      try {
        writeAtomically(options.junit, io.redact(report.toJunitXml(strict)));
      } catch (IOException | UncheckedIOException e) {
        io.error(
            "cannot write the JUnit report "
                + options.junit
                + " ("
                + Errors.describe(e, false)
                + "); check the path and its permissions");
        return VerificationReport.EXIT_COULD_NOT_RUN;
      }
    }
    return report.exitCode(strict);
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private @Nullable String lowRoleToken() {
    String token;
    if (options.lowRoleTokenFile != null) {
      token = root.readTokenFile(command, options.lowRoleTokenFile);
    } else if (options.lowRoleToken != null) {
      token = options.lowRoleToken;
    } else {
      token = io.env(VerifyCommand.LOW_ROLE_TOKEN_VARIABLE);
    }
    if (token == null) {
      return null;
    }
    io.addSecret(token);
    if (token.isBlank()) {
      throw new ParameterException(command, "the low-role token is empty");
    }
    return token.trim();
  }

  private record Definition(String text, String source) {}

  /**
   * The server's definition from a file, or from an http(s) URL over the session's connection
   * settings (TLS trust); the token goes along only to the server's own origin.
   */
  private Definition definition(
      String where, @Nullable OkHttpClient http, Root.@Nullable Session session) {
    HttpUrl url = HttpUrl.parse(where);
    if (url == null) {
      try {
        return new Definition(Files.readString(Path.of(where), StandardCharsets.UTF_8), where);
      } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
        throw new ParameterException(
            command,
            "cannot read --server-definition "
                + where
                + " ("
                + e.getClass().getSimpleName()
                + "); give a readable file or an http(s) URL");
      }
    }
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json, application/yaml;q=0.9, */*;q=0.1");
    if (session != null && sameOrigin(url, session.client.baseUrl())) {
      request.header("Authorization", "Bearer " + session.token);
    }
    OkHttpClient client = http != null ? http : new OkHttpClient();
    // Named in reports without user, password or query (they may hold a key).
    String shown = url.newBuilder().username("").password("").query(null).build().toString();
    try (Response response = client.newCall(request.build()).execute()) {
      if (!response.isSuccessful()) {
        throw new CliException(
            "cannot load --server-definition "
                + shown
                + ": HTTP "
                + response.code()
                + "; check the URL (VSPC serves it from its Swagger UI under"
                + " /api/swagger) or save it to a file");
      }
      return new Definition(response.body().string(), shown);
    } catch (IOException e) {
      throw new CliException(
          "cannot load --server-definition "
              + shown
              + " ("
              + Errors.describe(e, false)
              + "); check the URL or save it to a file",
          e);
    }
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme())
        && a.host().equalsIgnoreCase(b.host())
        && a.port() == b.port();
  }
}

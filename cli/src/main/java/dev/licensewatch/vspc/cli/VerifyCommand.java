package dev.licensewatch.vspc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: parses the options; {@link Verification} runs the contract verifier, so that its
 * libraries load only when this command runs.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Verifies the server against the contract the client relies on: the OpenAPI document,"
          + " paging, authentication and the Pact contract; with --server-definition, also the"
          + " server's own definition of GetBackupServersLicenses. Sends only GET requests to"
          + " the licences collection: a walk of at most --max-pages pages (--page-size"
          + " licences each, --concurrency at a time) and about 25 more; a 429 is waited out.",
      "Each check is reported by name; additions (new enum values, new properties) are"
          + " warnings, failures with --strict.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 conforms (additions allowed unless --strict), 1 a break, 2 usage error,"
          + " 3 could not run (unreachable, TLS, the token rejected, checks that could not be"
          + " made).",
      "",
      "Examples:",
      "  vspc-licenses --demo verify",
      "  vspc-licenses --url https://vspc-staging.example.com:1280 --token-file vspc.token \\",
      "      verify --junit verify.xml",
      "  vspc-licenses verify --format json --low-role-token-file readonly.token",
      "  vspc-licenses verify --server-definition vspc-swagger.json",
      "Details: cli/docs/verify.md"
    })
final class VerifyCommand implements Callable<Integer> {
  static final String LOW_ROLE_TOKEN_VARIABLE = "VSPC_LOW_ROLE_TOKEN";
  static final int DEFAULT_MAX_PAGES = 300;

  enum Format {
    TEXT,
    JSON
  }

  @ParentCommand Root root;
  @Spec CommandSpec spec;

  int maxPages = DEFAULT_MAX_PAGES;

  @Option(
      names = "--max-pages",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_MAX_PAGES,
      description =
          "Pages of the walk at most (default: ${DEFAULT-VALUE}); a longer walk is cut"
              + " and says so.")
  void setMaxPages(int n) {
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--max-pages must be 1 or more, was " + n);
    }
    maxPages = n;
  }

  @Option(
      names = "--low-role-token",
      paramLabel = "TOKEN",
      description =
          "A token of a user without a licensing role, to check it gets 403. Default:"
              + " $"
              + LOW_ROLE_TOKEN_VARIABLE
              + ". Prefer --low-role-token-file.")
  @Nullable String lowRoleToken;

  @Option(
      names = "--low-role-token-file",
      paramLabel = "PATH",
      description = "Read the low-role token from this file (keep it chmod 600).")
  @Nullable Path lowRoleTokenFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (a summary for people, the default) or json (the whole report).")
  Format format;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Also write the report as JUnit XML (one test case per check) to FILE.")
  @Nullable Path junit;

  @Option(
      names = "--server-definition",
      paramLabel = "FILE|URL",
      description =
          "Also compare the server's own OpenAPI definition (a file, or an http(s)"
              + " URL such as the one its Swagger UI loads) with ours. Without a server, only"
              + " this comparison runs.")
  @Nullable String serverDefinition;

  @Override
  public Integer call() {
    root.init();
    if (junit != null) {
      Path parent = junit.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new ParameterException(
            spec.commandLine(),
            "--junit " + junit + ": the directory " + parent + " does not exist");
      }
    }
    if (lowRoleToken != null && lowRoleTokenFile != null) {
      throw new ParameterException(
          spec.commandLine(), "give either --low-role-token or --low-role-token-file, not both");
    }
    return Verification.run(this);
  }
}

package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.VspcAsyncActionException;
import dev.licensewatch.vspc.client.VspcAuthenticationException;
import dev.licensewatch.vspc.client.VspcBadRequestException;
import dev.licensewatch.vspc.client.VspcContractException;
import dev.licensewatch.vspc.client.VspcException;
import dev.licensewatch.vspc.client.VspcIoException;
import dev.licensewatch.vspc.client.VspcNotFoundException;
import dev.licensewatch.vspc.client.VspcPagingException;
import dev.licensewatch.vspc.client.VspcPermissionException;
import dev.licensewatch.vspc.client.VspcRateLimitedException;
import dev.licensewatch.vspc.client.VspcServerException;
import java.io.UncheckedIOException;

/** One line per failure: {@code <cause>; <fix>}. */
final class Errors {
  /** The roles that may read licences, as the client names them. */
  static final String ROLES = String.join(", ", VspcPermissionException.LICENSING_ROLES);

  private Errors() {}

  /**
   * The line for {@code t}. {@code strict}: the run had --strict, so leaving it out is advice worth
   * giving (the client also fails on a broken body or stuck paging without it).
   */
  static String describe(Throwable t, boolean strict) {
    if (t instanceof CliException) {
      return message(t);
    }
    if (t instanceof VspcException e) {
      return describe(e, strict);
    }
    if (t instanceof UncheckedIOException e) {
      return "I/O error: "
          + message(e.getCause() != null ? e.getCause() : e)
          + "; check the path and permissions";
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory; raise the heap (JAVA_OPTS=-Xmx...) or use export, which streams";
    }
    return "unexpected "
        + t.getClass().getSimpleName()
        + ": "
        + message(t)
        + "; run again with --verbose for details and report it";
  }

  private static String describe(VspcException e, boolean strict) {
    String id = e.requestId() == null ? "" : " (request id " + e.requestId() + ")";
    if (e instanceof VspcAuthenticationException) {
      return "the server rejected the token (HTTP 401)"
          + id
          + "; check the token given with --token, --token-file or VSPC_TOKEN: it must be a"
          + " valid, unexpired VSPC API key or access token";
    }
    if (e instanceof VspcPermissionException) {
      return "access denied (HTTP 403)" + id + "; the account needs one of the roles " + ROLES;
    }
    if (e instanceof VspcIoException io) {
      String cause = message(rootCause(e));
      return switch (io.kind()) {
        case TLS_UNTRUSTED ->
            "TLS handshake failed, the server's certificate is not trusted ("
                + cause
                + "); use --ca-cert PATH with the server's certificate or its CA (PEM), or"
                + " for a test only --insecure";
        case TLS_HOST_NAME ->
            "TLS handshake failed, the certificate is not for this host name ("
                + cause
                + "); use a host name the certificate lists in --url (--ca-cert does not"
                + " change that), or for a test only --insecure";
        case UNKNOWN_HOST -> "cannot resolve the host (" + cause + "); check --url";
        case CONNECT ->
            "cannot connect to the server: "
                + cause
                + "; check --url (host and port, e.g. https://vspc.example.com:1280) and that the"
                + " server is up and reachable";
        case TIMEOUT ->
            "the server did not answer in time ("
                + message(e)
                + ")"
                + "; check that the server is healthy, or raise --timeout";
        case STOPPED -> "stopped (" + message(e) + ")";
        case OTHER -> "the server is unreachable (" + message(e) + "); check --url and the network";
      };
    }
    if (e instanceof VspcContractException c) {
      return "the server's response breaks the API document at "
          + c.jsonPath()
          + (c.identity() == null ? "" : " (licence " + c.identity() + ")")
          + id
          + ": "
          + message(e)
          + (strict
              ? "; run without --strict to keep every licence and get a warning per" + " violation"
              : "; the server or a proxy in between sent a broken response");
    }
    if (e instanceof VspcNotFoundException) {
      return message(e) + id;
    }
    if (e instanceof VspcRateLimitedException) {
      return message(e) + id + "; try again later, or raise --timeout to wait longer";
    }
    if (e instanceof VspcBadRequestException bad) {
      String parameter = bad.parameterName() == null ? "" : bad.parameterName();
      return message(e)
          + id
          + switch (parameter) {
            case "filter", "sort" -> "; check --" + parameter;
            case "select" -> "; check --columns";
            default -> "; check --page-size, --limit, --offset and --client-version";
          };
    }
    if (e instanceof VspcAsyncActionException action) {
      return message(e)
          + id
          + (action.actionStatus().equalsIgnoreCase("Running")
              ? "; the server is still working on it: raise --timeout, or try again later"
              : "; try again later, and check the server's health");
    }
    if (e instanceof VspcPagingException p) {
      if (p.drift() == null) {
        return message(e) + id + "; the server's paging is broken: check the server";
      }
      return message(e)
          + id
          + "; the licences changed while they were read: run again"
          + (strict ? ", or without --strict" : "");
    }
    if (e instanceof VspcServerException) {
      return message(e) + id + "; the server failed: try again later and check its health";
    }
    return message(e) + id;
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : Io.oneLine(m);
  }

  static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}

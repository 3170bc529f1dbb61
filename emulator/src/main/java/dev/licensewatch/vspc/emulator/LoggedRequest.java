package dev.licensewatch.vspc.emulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One answered request, as {@link VspcEmulator#requestLog()} keeps it: enough to prove what crossed
 * the network (which licences, for which filter) without keeping bodies.
 *
 * @param method the HTTP method
 * @param target the path and query as received (still percent-encoded)
 * @param status the status answered (faults that send no status are not logged)
 * @param licenses how many licences the answer's body held (0 for anything but a page)
 */
public record LoggedRequest(String method, String target, int status, int licenses) {

  /** The path, without the query. */
  public String path() {
    return request().path();
  }

  /** A query parameter's decoded value (name matched ignoring case), or null when absent. */
  public @Nullable String queryParameter(String name) {
    return request().queryParameter(name);
  }

  /** This line read back as a request without headers or body, to parse its target as one. */
  private Request request() {
    return new Request(method, target, "HTTP/1.1", Map.of(), new byte[0]);
  }
}

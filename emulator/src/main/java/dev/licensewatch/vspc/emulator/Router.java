package dev.licensewatch.vspc.emulator;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Which resource answers a request: the licences collection, an asynchronous action, the
 * provider-state changes (in provider-states mode), or 404; a method a resource does not take gets
 * 405. Paths match ignoring case, as VSPC's routes do.
 */
final class Router implements HttpServerCore.Handler {

  private final LicensesEndpoint licenses;
  private final AsyncActions actions;
  private final CurrentScenario scenario;
  private final @Nullable ProviderStateEndpoint providerStates;
  private final Counters counters;

  Router(
      LicensesEndpoint licenses,
      AsyncActions actions,
      CurrentScenario scenario,
      @Nullable ProviderStateEndpoint providerStates,
      Counters counters) {
    this.licenses = licenses;
    this.actions = actions;
    this.scenario = scenario;
    this.providerStates = providerStates;
    this.counters = counters;
  }

  @Override
  public void handle(Request request, Exchange exchange) throws IOException, InterruptedException {
    counters.request();
    String path = request.path();
    String method = request.method();
    if (path.equalsIgnoreCase(VspcEmulator.LICENSES_PATH)) {
      if (method.equals("GET")) {
        licenses.serve(request, exchange);
      } else {
        counters.send(request, exchange, methodNotAllowed(request, "GET"));
      }
    } else if (path.regionMatches(true, 0, AsyncActions.PATH, 0, AsyncActions.PATH.length())) {
      Response refused = scenario.get().auth().refusal(request);
      counters.send(
          request,
          exchange,
          !method.equals("GET")
              ? methodNotAllowed(request, "GET")
              : refused != null ? refused : actions.answer(path));
    } else if (providerStates != null && path.equals(ProviderStates.PATH)) {
      counters.send(
          request,
          exchange,
          method.equals("POST")
              ? providerStates.change(request)
              : methodNotAllowed(request, "POST"));
    } else {
      counters.send(
          request,
          exchange,
          Response.error(404, "Resource " + path + " was not found.", "logical"));
    }
  }

  private static Response methodNotAllowed(Request request, String allowed) {
    String message =
        allowed.equals("POST")
            ? "Provider states are set with POST."
            : "The requested resource does not support http method '" + request.method() + "'.";
    return Response.error(405, message, "logical").withHeader("Allow", allowed);
  }
}

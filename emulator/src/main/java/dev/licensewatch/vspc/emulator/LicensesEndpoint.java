package dev.licensewatch.vspc.emulator;

import dev.licensewatch.vspc.emulator.CurrentScenario.Numbered;
import dev.licensewatch.vspc.emulator.FaultPlan.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} of the licences collection, in VSPC's order: throttling (a throttled request is
 * answered at once and not numbered), the numbered request's drift, latency and fault, then the
 * answer: 401/403, 400, or the page, queued as an asynchronous action when those are on.
 */
final class LicensesEndpoint {

  private static final Logger log = LoggerFactory.getLogger(LicensesEndpoint.class);

  private final CurrentScenario scenario;
  private final Breaks breaks;
  private final AsyncActions actions;
  private final Counters counters;
  private final FaultResponder faults;

  private volatile Duration latency;
  private volatile Throttle throttle;
  private volatile AsyncAnswers async;

  LicensesEndpoint(
      CurrentScenario scenario, Settings settings, AsyncActions actions, Counters counters) {
    this.scenario = scenario;
    this.breaks = settings.breaks();
    this.actions = actions;
    this.counters = counters;
    this.faults = new FaultResponder(counters);
    this.latency = settings.latency();
    this.throttle = new Throttle(settings.throttling());
    this.async = settings.async();
  }

  void setLatency(Duration latency) {
    this.latency = latency;
  }

  void setThrottling(Throttling throttling) {
    this.throttle = new Throttle(throttling);
  }

  void setAsync(AsyncAnswers answers) {
    this.async = Objects.requireNonNull(answers, "answers");
  }

  void serve(Request request, Exchange exchange) throws IOException, InterruptedException {
    Throttle t = throttle;
    Response throttled = t.admit();
    // Counted once admitted or refused: a test that sees the count knows the request's place.
    counters.licenseRequest();
    if (throttled != null) {
      counters.send(request, exchange, throttled);
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
    Numbered numbered = scenario.next();
    Scenario s = numbered.scenario();
    Duration delay = latency;
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    Fault fault = numbered.fault();
    if (fault != null) {
      log.debug("licences request {}: fault {}", numbered.number(), fault);
      faults.respond(fault, request, exchange, s.store(), () -> answer(request, s));
      return;
    }
    Response answer = answer(request, s);
    AsyncAnswers plan = async;
    // A valid request may be queued: its 400, 401 or 403 comes at once, as from VSPC.
    counters.send(
        request,
        exchange,
        plan.isNone() || answer.status() != 200 ? answer : actions.queue(request, answer, plan));
  }

  /** What a healthy server answers: 401/403, 400, or a page. */
  Response answer(Request request, Scenario s) {
    @Nullable Response refused = s.auth().refusal(request);
    if (refused != null) {
      return refused;
    }
    try {
      PageRequest page = PageRequest.of(request, s.store(), breaks.maxLimit(PageRequest.MAX_LIMIT));
      return Pages.page(s.store(), page, breaks);
    } catch (BadParameter e) {
      return e.answer();
    }
  }

  /**
   * The first page of the current licences with the server's defaults, as a finished action's
   * result.
   */
  Response firstPage() {
    return Pages.page(scenario.get().store(), PageRequest.FIRST, breaks);
  }
}

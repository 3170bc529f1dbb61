package dev.licensewatch.vspc.emulator;

import dev.licensewatch.vspc.emulator.FaultPlan.Fault;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario requests see now, and the numbering of licences requests that fault and drift plans
 * count by. Every change is one atomic swap.
 */
final class CurrentScenario {

  /** The {@code number}-th licences request and the scenario it is answered from. */
  record Numbered(long number, Scenario scenario) {
    /** The fault its plan gives this request, or null for a normal answer. */
    @Nullable Fault fault() {
      return scenario.faults().faultFor(number - scenario.faultBase());
    }
  }

  private static final Logger log = LoggerFactory.getLogger(CurrentScenario.class);

  private final AtomicReference<Scenario> current;
  private final AtomicLong licenseRequests = new AtomicLong();

  CurrentScenario(Scenario initial) {
    this.current = new AtomicReference<>(initial);
  }

  Scenario get() {
    return current.get();
  }

  /** The number the next licences request will count from. */
  long now() {
    return licenseRequests.get();
  }

  /** Serves this dataset from now on; its drift is re-armed, counting requests from now. */
  void reset(Dataset dataset) {
    LicenseStore store = dataset.materialize();
    long now = now();
    current.updateAndGet(s -> s.withDataset(dataset, store, now));
  }

  /** Installs a fault plan; its request numbers count from the next licences request. */
  void setFaults(FaultPlan plan) {
    long now = now();
    current.updateAndGet(s -> s.withFaults(plan, now));
  }

  /** Installs a drift; its request count starts now. */
  void setDrift(DriftPlan drift) {
    long now = now();
    current.updateAndGet(s -> s.withDrift(drift, now));
  }

  /** Replaces the whole scenario (a provider state). */
  void replace(Dataset dataset, Auth auth, FaultPlan faults) {
    current.set(Scenario.of(dataset, auth, faults, DriftPlan.none(), now()));
  }

  /** Numbers the next licences request and applies a drift due before it, exactly once. */
  Numbered next() {
    long n = licenseRequests.incrementAndGet();
    while (true) {
      Scenario s = current.get();
      if (!s.driftDueAt(n)) {
        return new Numbered(n, s);
      }
      Scenario drifted = s.drifted();
      if (current.compareAndSet(s, drifted)) {
        log.debug("drift {} applied before licences request {}", s.drift(), n);
        return new Numbered(n, drifted);
      }
    }
  }
}

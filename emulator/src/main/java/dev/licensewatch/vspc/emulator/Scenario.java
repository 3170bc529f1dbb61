package dev.licensewatch.vspc.emulator;

/**
 * Everything a licences request depends on, swapped as a whole by {@link CurrentScenario}: a
 * request sees the old or the new scenario, never a mix. Fault and drift request numbers count from
 * {@code faultBase} and {@code driftBase}; a drift is applied once ({@code driftApplied}).
 */
record Scenario(
    Dataset dataset,
    LicenseStore store,
    Auth auth,
    FaultPlan faults,
    long faultBase,
    DriftPlan drift,
    long driftBase,
    boolean driftApplied) {

  static Scenario of(Dataset dataset, Auth auth, FaultPlan faults, DriftPlan drift, long now) {
    return new Scenario(dataset, dataset.materialize(), auth, faults, now, drift, now, false);
  }

  /** A new dataset re-arms the drift. */
  Scenario withDataset(Dataset d, LicenseStore s, long now) {
    return new Scenario(d, s, auth, faults, faultBase, drift, now, false);
  }

  Scenario withFaults(FaultPlan plan, long now) {
    return new Scenario(dataset, store, auth, plan, now, drift, driftBase, driftApplied);
  }

  Scenario withDrift(DriftPlan d, long now) {
    return new Scenario(dataset, store, auth, faults, faultBase, d, now, false);
  }

  /** Whether the drift is due at the {@code n}-th licences request and not applied yet. */
  boolean driftDueAt(long n) {
    return !drift.isNone() && !driftApplied && n - driftBase > drift.afterRequest();
  }

  Scenario drifted() {
    return new Scenario(
        dataset, store.drift(drift.delta()), auth, faults, faultBase, drift, driftBase, true);
  }
}

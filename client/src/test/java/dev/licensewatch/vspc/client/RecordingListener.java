package dev.licensewatch.vspc.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, thread-safely (prefetch threads report too). */
final class RecordingListener implements VspcEventListener {
  record Page(int offset, int count, int total) {}

  record Retry(String requestId, int attempt, Duration delay, String reason) {}

  final List<Page> pages = new CopyOnWriteArrayList<>();
  final List<Retry> retries = new CopyOnWriteArrayList<>();
  final List<Drift> drifts = new CopyOnWriteArrayList<>();
  final List<ContractViolation> violations = new CopyOnWriteArrayList<>();

  @Override
  public void pageFetched(int offset, int count, int total) {
    pages.add(new Page(offset, count, total));
  }

  @Override
  public void retrying(String requestId, int attempt, Duration wait, String reason) {
    retries.add(new Retry(requestId, attempt, wait, reason));
  }

  @Override
  public void drift(Drift drift) {
    drifts.add(drift);
  }

  @Override
  public void contractViolation(ContractViolation violation) {
    violations.add(violation);
  }
}

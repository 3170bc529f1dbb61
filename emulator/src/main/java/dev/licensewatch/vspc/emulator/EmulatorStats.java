package dev.licensewatch.vspc.emulator;

import java.util.Map;

/**
 * A snapshot of what the emulator has served since it started (or since {@link
 * VspcEmulator#resetStats()}).
 *
 * @param requests every HTTP request answered or faulted, any path
 * @param licenseRequests requests to the licences collection (GET), including faulted ones
 * @param faults faults served, by kind (kinds never served are absent)
 * @param responsesByStatus complete responses by HTTP status (faults without a status absent);
 *     counted as sending starts and taken back if it fails, so a client never holds a response
 *     these figures do not show yet
 * @param licensesServed licences in the pages answered in full (asynchronous results included):
 *     with a filter, only those it keeps
 * @param bytesSent bytes handed to sockets (status lines, headers and bodies, whole or cut short):
 *     with a huge page, how much of it the server got to send before the client left
 */
public record EmulatorStats(
    long requests,
    long licenseRequests,
    Map<FaultKind, Long> faults,
    Map<Integer, Long> responsesByStatus,
    long licensesServed,
    long bytesSent) {

  public EmulatorStats {
    faults = Map.copyOf(faults);
    responsesByStatus = Map.copyOf(responsesByStatus);
  }

  /** How many faults of this kind were served. */
  public long faults(FaultKind kind) {
    return faults.getOrDefault(kind, 0L);
  }

  /** How many faults were served in all. */
  public long totalFaults() {
    return faults.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How many complete responses had this status. */
  public long responses(int status) {
    return responsesByStatus.getOrDefault(status, 0L);
  }
}

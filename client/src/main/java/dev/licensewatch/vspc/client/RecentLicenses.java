package dev.licensewatch.vspc.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licences a walk delivered last, in delivery order, to drop the repeats an insertion before
 * the current offset pushes into later pages. Remembers ids only (a licence without id is kept
 * whole) in a ring of bounded size, and indexes them once {@link #checkRepeats()} is called: until
 * then, a walk whose total never changed pays for the ring only.
 *
 * <p>A licence with a remembered {@code backupServerUid} is a repeat. A licence without id is a
 * repeat only inside a run of repeats: right after (or right before) a repeated licence, when it
 * equals the licence remembered at that position; elsewhere it is always kept, so identical
 * licences without id are all delivered.
 */
final class RecentLicenses {
  private static final Logger log = LoggerFactory.getLogger(VspcLicensingClient.class);

  private Object[] ring; // UUID, or the BackupServerLicense itself when it has none
  private long count; // licences recorded so far; the ring holds the last min(count, length)
  private @Nullable HashMap<UUID, Long> index; // id to its position in the delivery order
  private long lastRepeated = -1; // the position the previous page's last licence repeated

  RecentLicenses(int capacity) {
    this.ring = new Object[capacity];
  }

  /**
   * The licences of a page minus repeats of recent ones (once checking), remembering those kept.
   */
  List<BackupServerLicense> keepNew(List<BackupServerLicense> licenses) {
    if (index == null) {
      for (BackupServerLicense license : licenses) {
        record(license);
      }
      return licenses;
    }
    int n = licenses.size();
    long[] repeats = new long[n]; // the position each licence repeats, or -1
    for (int i = 0; i < n; i++) {
      UUID id = licenses.get(i).backupServerUid();
      Long at = id == null ? null : index.get(id);
      repeats[i] = at == null ? -1 : at;
    }
    for (int i = 0; i < n; i++) { // a run goes on past licences without id...
      long previous = i == 0 ? lastRepeated : repeats[i - 1];
      if (repeats[i] < 0 && previous >= 0 && sameWithoutId(previous + 1, licenses.get(i))) {
        repeats[i] = previous + 1;
      }
    }
    for (int i = n - 2; i >= 0; i--) { // ...and back from the first repeat with an id
      if (repeats[i] < 0
          && repeats[i + 1] > 0
          && sameWithoutId(repeats[i + 1] - 1, licenses.get(i))) {
        repeats[i] = repeats[i + 1] - 1;
      }
    }
    List<BackupServerLicense> fresh = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BackupServerLicense license = licenses.get(i);
      if (repeats[i] >= 0) {
        log.debug(
            "dropped a repeated licence {} after the collection changed",
            license.backupServerUid());
      } else {
        record(license);
        fresh.add(license);
      }
    }
    if (n > 0) {
      lastRepeated = repeats[n - 1];
    }
    return fresh;
  }

  /** Whether the licence at {@code position}, still remembered, has no id and equals this one. */
  private boolean sameWithoutId(long position, BackupServerLicense license) {
    if (license.backupServerUid() != null || position >= count || position < oldest()) {
      return false;
    }
    return ring[(int) (position % ring.length)] instanceof BackupServerLicense recorded
        && recorded.equals(license);
  }

  private void record(BackupServerLicense license) {
    UUID id = license.backupServerUid();
    int slot = (int) (count % ring.length);
    if (index != null && ring[slot] instanceof UUID evicted) {
      index.remove(evicted, count - ring.length);
    }
    ring[slot] = id != null ? id : license;
    if (index != null && id != null) {
      index.put(id, count);
    }
    count++;
  }

  /** From now on, check every licence against the recent ones. */
  void checkRepeats() {
    if (index == null) {
      index = new HashMap<>(Math.max(16, (int) (count - oldest()) * 2));
      for (long p = oldest(); p < count; p++) {
        if (ring[(int) (p % ring.length)] instanceof UUID id) {
          index.put(id, p);
        }
      }
    }
  }

  void grow(int by) {
    if (by <= 0) {
      return;
    }
    Object[] bigger = new Object[ring.length + by];
    for (long p = oldest(); p < count; p++) {
      bigger[(int) (p % bigger.length)] = ring[(int) (p % ring.length)];
    }
    ring = bigger;
  }

  /** The position of the oldest licence the ring still holds. */
  private long oldest() {
    return Math.max(0, count - ring.length);
  }

  int capacity() {
    return ring.length;
  }
}

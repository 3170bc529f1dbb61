package dev.licensewatch.vspc.client;

/**
 * The collection changed while it was being paged: {@code meta.pagingInfo.total} differs from the
 * total of the first page.
 *
 * <p>What the caller sees: licences are still delivered in server order and none is delivered twice
 * (repeats caused by insertions are dropped by {@code backupServerUid}; a licence without one is a
 * repeat when it comes again next to its repeated neighbours. The walk remembers the last 10,000
 * licences, or more after a drift, and logs a warning in the unlikely case that more licences than
 * that were inserted between two pages). When licences were removed before the current offset, up
 * to {@link #possiblySkipped()} licences may have moved into pages already read and so be missing
 * from this walk; a second walk sees them.
 *
 * @param firstTotal the total reported by the first page
 * @param newTotal the total reported by the page at {@code offset}
 * @param offset the offset of the page that reported the change
 * @param possiblySkipped how many licences this walk may have missed (0 when the total grew)
 */
public record Drift(int firstTotal, int newTotal, int offset, int possiblySkipped) {
  @Override
  public String toString() {
    return "licence count changed while paging: total was "
        + firstTotal
        + ", now "
        + newTotal
        + " at offset "
        + offset
        + (possiblySkipped > 0 ? "; up to " + possiblySkipped + " licences may be missing" : "");
  }
}

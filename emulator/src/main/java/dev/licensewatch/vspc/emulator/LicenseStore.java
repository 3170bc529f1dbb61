package dev.licensewatch.vspc.emulator;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * The serialized licences being served, in order. Each licence is serialized at most once, on
 * first use, so the emulator starts at once even for 100,000 licences, and a page is a few
 * array copies.
 */
final class LicenseStore {

  private final int size;
  private final IntFunction<byte[]> source;
  private final AtomicReferenceArray<byte[]> cache;
  private final LongFunction<byte[]> extra;
  private final long nextExtra;

  private LicenseStore(int size, IntFunction<byte[]> source, LongFunction<byte[]> extra,
      long nextExtra) {
    this.size = size;
    this.source = source;
    this.cache = new AtomicReferenceArray<>(size);
    this.extra = extra;
    this.nextExtra = nextExtra;
  }

  /** Licences made on demand by {@code make} (index to bytes); drift adds from index size. */
  static LicenseStore lazy(int size, LongFunction<byte[]> make) {
    return new LicenseStore(size, i -> make.apply(i), make, size);
  }

  /** These licences; drift adds ones made by {@code extra}, from index {@code nextExtra}. */
  static LicenseStore of(List<byte[]> licences, LongFunction<byte[]> extra, long nextExtra) {
    List<byte[]> copy = List.copyOf(licences);
    return new LicenseStore(copy.size(), copy::get, extra, nextExtra);
  }

  int size() {
    return size;
  }

  byte[] get(int index) {
    byte[] b = cache.get(index);
    if (b == null) {
      // Two threads may both serialize it; the results are identical, so either wins.
      b = source.apply(index);
      cache.set(index, b);
    }
    return b;
  }

  /** Adds (delta > 0, fresh licences at the front) or removes (delta < 0, from the front). */
  LicenseStore drift(int delta) {
    if (delta == 0) {
      return this;
    }
    if (delta < 0) {
      int removed = Math.min(-delta, size);
      return new LicenseStore(size - removed, i -> get(i + removed), extra, nextExtra);
    }
    long first = nextExtra;
    return new LicenseStore(size + delta,
        i -> i < delta ? extra.apply(first + i) : get(i - delta), extra, nextExtra + delta);
  }
}

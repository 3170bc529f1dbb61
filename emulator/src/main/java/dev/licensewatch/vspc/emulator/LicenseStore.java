package dev.licensewatch.vspc.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The serialized licences being served, in order. Each licence is serialized at most once, on first
 * use, so the emulator starts at once even for 100,000 licences, and a page is a few array copies.
 * Queries (filter, sort, select) read licences parsed once, on first use, and keep the result of
 * each filter and sort for the store's life, so a walk filters once.
 */
final class LicenseStore {

  private final int size;
  private final IntFunction<byte[]> source;
  private final AtomicReferenceArray<byte[]> cache;
  private final LongFunction<byte[]> extra;
  private final long nextExtra;

  /** Synthetic licences hold only the document's properties: no need to parse them all. */
  private final boolean synthetic;

  private volatile @Nullable AtomicReferenceArray<Map<String, @Nullable Object>> parsed;
  private @Nullable Set<String> knownPaths;
  private final Map<String, int[]> queries = new ConcurrentHashMap<>();

  private LicenseStore(
      int size,
      IntFunction<byte[]> source,
      LongFunction<byte[]> extra,
      long nextExtra,
      boolean synthetic) {
    this.synthetic = synthetic;
    this.size = size;
    this.source = source;
    this.cache = new AtomicReferenceArray<>(size);
    this.extra = extra;
    this.nextExtra = nextExtra;
  }

  /** Licences made on demand by {@code make} (index to bytes); drift adds from index size. */
  static LicenseStore lazy(int size, LongFunction<byte[]> make) {
    return new LicenseStore(size, i -> make.apply(i), make, size, true);
  }

  /** These licences; drift adds ones made by {@code extra}, from index {@code nextExtra}. */
  static LicenseStore of(List<byte[]> licenses, LongFunction<byte[]> extra, long nextExtra) {
    List<byte[]> copy = List.copyOf(licenses);
    return new LicenseStore(copy.size(), copy::get, extra, nextExtra, false);
  }

  int size() {
    return size;
  }

  /** Licence {@code index} as JSON values (maps, lists, strings, doubles, booleans), cached. */
  Map<String, @Nullable Object> parsed(int index) {
    AtomicReferenceArray<Map<String, @Nullable Object>> values = parsed;
    if (values == null) {
      synchronized (this) {
        if (parsed == null) {
          parsed = new AtomicReferenceArray<>(size);
        }
        values = parsed;
      }
    }
    Map<String, @Nullable Object> license = values.get(index);
    if (license == null) {
      license = Json.parse(get(index));
      values.set(index, license);
    }
    return license;
  }

  /**
   * The property paths a query may name: the document's, and every path (nested ones as {@code
   * a.b}) that a licence of this store holds (a dataset file may hold more).
   */
  synchronized Set<String> knownPaths() {
    if (knownPaths == null) {
      Set<String> paths = new HashSet<>(LicenseGenerator.PROPERTIES);
      if (!synthetic) {
        for (int i = 0; i < size; i++) {
          collect(parsed(i), "", paths);
        }
      }
      knownPaths = Set.copyOf(paths);
    }
    return knownPaths;
  }

  private static void collect(Map<?, ?> object, String prefix, Set<String> paths) {
    for (Map.Entry<?, ?> e : object.entrySet()) {
      String path = prefix + e.getKey();
      paths.add(path);
      if (e.getValue() instanceof Map<?, ?> nested) {
        collect(nested, path + ".", paths);
      }
    }
  }

  /** The result of a query over this store, computed once per filter and sort (a few kept). */
  int[] queried(String key, Supplier<int[]> compute) {
    int[] cached = queries.get(key);
    if (cached == null) {
      cached = compute.get();
      if (queries.size() >= 16) {
        queries.clear();
      }
      queries.put(key, cached);
    }
    return cached;
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
      return new LicenseStore(size - removed, i -> get(i + removed), extra, nextExtra, synthetic);
    }
    long first = nextExtra;
    return new LicenseStore(
        size + delta,
        i -> i < delta ? extra.apply(first + i) : get(i - delta),
        extra,
        nextExtra + delta,
        synthetic);
  }
}

package dev.licensewatch.vspc.benchmarks;

import java.util.Arrays;

/** Median and spread of repeated end-to-end measurements. */
record Stats(double median, double min, double max, int n) {
  static Stats of(double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Stats(median, sorted[0], sorted[n - 1], n);
  }

  /** (max - min) / median, in percent. */
  double spreadPercent() {
    return median == 0 ? 0 : 100 * (max - min) / median;
  }
}

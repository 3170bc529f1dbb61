package dev.licensewatch.vspc.benchmarks;

/** An empty program: the cost of starting and stopping a JVM, for the cold-start baseline. */
public final class Noop {
  private Noop() {}

  public static void main(String[] args) {}
}

package dev.licensewatch.vspc.cli;

/** Output formats of {@code export}. */
enum Format {
  JSON,
  NDJSON,
  CSV;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package dev.licensewatch.vspc.emulator;

import java.util.Arrays;
import java.util.Locale;

/**
 * The faults the emulator can inject into a licences request. The {@link #token()} is the name used
 * in fault spec strings (see {@link FaultPlan#parse(String)}); the optional argument of each kind
 * is described below with its default.
 */
public enum FaultKind {
  /** 429 with a {@code Retry-After} header; argument: seconds (default 1). */
  THROTTLE("429", 1),
  /** 429 with {@code errors[0].retryAfter} in the body and no header; argument: seconds (1). */
  THROTTLE_BODY("429body", 1),
  /** 429 with both the header and {@code retryAfter} in the body; argument: seconds (25). */
  THROTTLE_BOTH("429both", 25),
  /** 503 with a plain-text body and no error envelope, like a reverse proxy sends. */
  UNAVAILABLE("503", 0),
  /** 520 with the error envelope (type {@code unspecified}), as VSPC reports server errors. */
  SERVER_ERROR("520", 0),
  /** Headers and half of the body, then the connection is reset (TCP RST). */
  RESET("reset", 0),
  /** Headers (full Content-Length) and half of the body, then an orderly close (FIN). */
  TRUNCATE("truncate", 0),
  /** The body is sent in 10 pieces with a pause before each; argument: pause ms (100). */
  SLOW_BODY("slow", 100),
  /**
   * The body is sent one byte at a time with a pause before each, so a read timeout never fires;
   * argument: pause ms (1000).
   */
  DRIP("drip", 1000),
  /**
   * A 200 page of exactly the argument's MiB (1024) announced by Content-Length: the dataset's
   * licences over and over, generated while it is sent and never held.
   */
  HUGE_PAGE("huge", 1024),
  /** The same page with chunked transfer coding (no length announced); argument: MiB (1024). */
  HUGE_PAGE_CHUNKED("huge-chunked", 1024),
  /** The request is read and never answered until the client or the emulator closes. */
  HANG("hang", 0),
  /** An extra delay before a normal answer; argument: milliseconds (1000). */
  DELAY("delay", 1000);

  private final String token;
  private final int defaultArgument;

  FaultKind(String token, int defaultArgument) {
    this.token = token;
    this.defaultArgument = defaultArgument;
  }

  /** The name of this kind in fault spec strings, e.g. {@code 429} or {@code reset}. */
  public String token() {
    return token;
  }

  public int defaultArgument() {
    return defaultArgument;
  }

  /** Finds a kind by its token (or enum name), case-insensitively. */
  public static FaultKind fromToken(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (FaultKind kind : values()) {
      if (kind.token.equals(t) || kind.name().toLowerCase(Locale.ROOT).equals(t)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "Unknown fault kind '"
            + text
            + "'; known: "
            + Arrays.stream(values()).map(FaultKind::token).toList());
  }
}

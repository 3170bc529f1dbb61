package dev.licensewatch.vspc.cli;

import java.io.PrintStream;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The CLI's SLF4J provider: silent unless {@code --verbose}, then debug lines of this project's
 * loggers on stderr, redacted. Switchable per run, because tests run many CLIs in one JVM and the
 * client's loggers are static.
 */
public final class CliLogging implements SLF4JServiceProvider {
  private static volatile boolean verbose;
  private static volatile @Nullable PrintStream target;
  private static volatile UnaryOperator<String> redactor = UnaryOperator.identity();

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private final ILoggerFactory factory = CliLogger::new;

  /** Debug lines of dev.licensewatch.* to {@code err}, passed through {@code redact}. */
  static void verbose(PrintStream err, UnaryOperator<String> redact) {
    redactor = redact;
    target = err;
    verbose = true;
  }

  static void off() {
    verbose = false;
    target = null;
    redactor = UnaryOperator.identity();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CliLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final boolean ours;

    CliLogger(String name) {
      this.name = name;
      this.ours = name.startsWith("dev.licensewatch.");
    }

    private boolean on(Level level) {
      return verbose
          && (ours ? level.toInt() >= Level.DEBUG.toInt() : level.toInt() >= Level.WARN.toInt());
    }

    @Override
    public boolean isTraceEnabled() {
      return on(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return on(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return on(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return on(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return on(Level.ERROR);
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level,
        @Nullable Marker marker,
        String pattern,
        Object @Nullable [] arguments,
        @Nullable Throwable throwable) {
      PrintStream out = target;
      if (out == null || !on(level)) {
        return;
      }
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      String line =
          "["
              + level
              + " "
              + shortName
              + "] "
              + message
              + (throwable == null ? "" : " (" + throwable + ")");
      String safe = redactor.apply(line);
      synchronized (out) {
        out.println(safe);
      }
    }
  }
}

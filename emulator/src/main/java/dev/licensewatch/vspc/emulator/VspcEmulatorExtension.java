package dev.licensewatch.vspc.emulator;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link VspcEmulator} around a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final VspcEmulatorExtension VSPC =
 *     new VspcEmulatorExtension(b -> b.licenses(1_000).seed(7));
 *
 * @Test void pages(VspcEmulator vspc) { ... VSPC.emulator().baseUrl() ... }
 * }</pre>
 *
 * On a static field the emulator starts before all tests and stops after them. On an instance field
 * it starts before and stops after each test. Test methods may take a {@link VspcEmulator}
 * parameter.
 */
public final class VspcEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final UnaryOperator<VspcEmulator.Builder> options;
  private @Nullable VspcEmulator emulator;
  private boolean perClass;

  /** An emulator with the builder's defaults. */
  public VspcEmulatorExtension() {
    this(UnaryOperator.identity());
  }

  /** An emulator configured by {@code options}, applied to a fresh builder at each start. */
  public VspcEmulatorExtension(UnaryOperator<VspcEmulator.Builder> options) {
    this.options = options;
  }

  /** The running emulator. */
  public VspcEmulator emulator() {
    VspcEmulator e = emulator;
    if (e == null) {
      throw new IllegalStateException("The VSPC emulator runs only while tests run");
    }
    return e;
  }

  /** Shortcut for {@code emulator().baseUrl()}. */
  public String baseUrl() {
    return emulator().baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
    perClass = false;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  private void start() {
    if (emulator == null) {
      emulator = options.apply(VspcEmulator.builder()).start();
    }
  }

  private void stop() {
    VspcEmulator e = emulator;
    emulator = null;
    if (e != null) {
      e.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == VspcEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator();
  }
}

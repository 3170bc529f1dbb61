package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The extension's lifecycle, driven by hand (its callbacks ignore the context). */
class ExtensionTest {

  @Test
  void thereIsNoEmulatorOutsideTheLifecycle() {
    assertThatThrownBy(() -> new VspcEmulatorExtension().emulator())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onAStaticFieldOneEmulatorServesEveryTestAndStopsAfterAll() {
    VspcEmulatorExtension ext = new VspcEmulatorExtension(b -> b.licenses(4));
    ext.beforeAll(null);
    VspcEmulator running = ext.emulator();
    ext.beforeEach(null);
    assertThat(ext.emulator()).isSameAs(running);
    assertThat(Http.licenses(running, "").pagingInfo()).containsEntry("total", 4.0);
    ext.afterEach(null);
    assertThat(ext.emulator()).as("still running between tests").isSameAs(running);
    assertThat(ext.baseUrl()).isEqualTo(running.baseUrl());
    ext.afterAll(null);
    assertThatThrownBy(ext::emulator).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Http.licenses(running, "")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void onAnInstanceFieldEachTestGetsItsOwnEmulator() {
    VspcEmulatorExtension ext = new VspcEmulatorExtension(b -> b.licenses(1));
    ext.beforeEach(null);
    VspcEmulator first = ext.emulator();
    ext.afterEach(null);
    assertThatThrownBy(ext::emulator).isInstanceOf(IllegalStateException.class);
    ext.beforeEach(null);
    assertThat(ext.emulator()).isNotSameAs(first);
    assertThat(Http.licenses(ext.emulator(), "").status()).isEqualTo(200);
    ext.afterEach(null);
  }
}

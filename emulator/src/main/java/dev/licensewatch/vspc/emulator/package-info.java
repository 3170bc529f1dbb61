/**
 * A scriptable stand-in for the licensing endpoint of a Veeam Service Provider Console server.
 *
 * <p>Start one with {@link dev.licensewatch.vspc.emulator.VspcEmulator#builder()}, or in JUnit 5
 * tests with {@link dev.licensewatch.vspc.emulator.VspcEmulatorExtension}.
 */
@NullMarked
package dev.licensewatch.vspc.emulator;

import org.jspecify.annotations.NullMarked;

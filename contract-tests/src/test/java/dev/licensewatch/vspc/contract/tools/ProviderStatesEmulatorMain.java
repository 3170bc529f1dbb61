package dev.licensewatch.vspc.contract.tools;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the emulator in provider-states mode for an external verifier (Pact's Rust {@code pact
 * verifier}, see README.md) and serves until killed.
 *
 * <pre>
 * java -cp "$(cat target/test-classpath.txt):target/test-classes" \
 *     dev.licensewatch.vspc.contract.tools.ProviderStatesEmulatorMain 18081
 * </pre>
 *
 * Argument: the port (default 0, any free port). Prints {@code READY <baseUrl>} once listening.
 */
public final class ProviderStatesEmulatorMain {
  private ProviderStatesEmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    VspcEmulator emulator = VspcEmulator.builder().port(port).providerStates(true).start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    System.out.println("READY " + emulator.baseUrl());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}

package dev.licensewatch.vspc.emulator;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an emulator starts with: the {@link VspcEmulator.Builder}'s choices resolved once (the
 * dataset built, the tokens turned into {@link Auth}, the host looked up). The faults, drift,
 * latency, throttling and asynchronous answers are where they start; they may change while it runs.
 */
record Settings(
    InetAddress host,
    int port,
    int maxConnections,
    boolean tls,
    @Nullable Path certificatePem,
    boolean providerStates,
    @Nullable LocalDate today,
    Dataset dataset,
    Auth auth,
    FaultPlan faults,
    DriftPlan drift,
    Duration latency,
    Throttling throttling,
    Breaks breaks,
    AsyncAnswers async) {}

package io.tokenbench.mock.media;

import io.tokenbench.mock.admin.RuntimeSettings;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.stats.ServerStats;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What every media endpoint is built with.
 *
 * @param gate admits and settles every request
 * @param catalog models and their prices
 * @param seed the server seed; every generated vector, image and sound derives from it
 * @param clock wall clock for {@code created} fields and job progress (the emulator clock in keys
 *     mode)
 * @param settings the behaviour (its {@code media} latency model) and random faults in force
 * @param stats the server's counters: media requests are admitted, settled and faulted in them like
 *     chat's
 */
public record MediaContext(
        RequestGate gate,
        ModelCatalog catalog,
        long seed,
        InstantSource clock,
        RuntimeSettings settings,
        ServerStats stats) {
    public MediaContext {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(stats, "stats");
    }

    /** Seconds since the epoch, for {@code created}. */
    public long nowEpochSeconds() {
        return clock.instant().getEpochSecond();
    }
}

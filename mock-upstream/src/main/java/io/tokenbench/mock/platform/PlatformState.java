package io.tokenbench.mock.platform;

import io.tokenbench.mock.billing.DeferredPostings;
import io.tokenbench.mock.billing.UsageLog;
import io.tokenbench.mock.billing.UsageStats;
import io.tokenbench.mock.clock.EmulatorClock;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyState;
import io.tokenbench.mock.keys.KeyStore;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the emulated platform knows: keys, clock, enforcement profile, usage log and stats,
 * and postings held back by the {@code batch_write_ms} fault. Shared by the gate, the admin API,
 * the sweeper and the state file. Thread-safe.
 */
public final class PlatformState {

    private final KeyStore keys;
    private final EmulatorClock clock;
    private final AtomicReference<EnforcementProfile> profile;
    private final UsageLog log;
    private final UsageStats stats = new UsageStats();
    private final DeferredPostings deferred = new DeferredPostings();
    private final LedgerReadLag readLag = new LedgerReadLag();

    public PlatformState(
            KeyStore keys, EmulatorClock clock, EnforcementProfile profile, UsageLog log) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.profile = new AtomicReference<>(Objects.requireNonNull(profile, "profile"));
        this.log = Objects.requireNonNull(log, "log");
    }

    /** In-memory state with the system clock and the default profile. */
    public static PlatformState inMemory(EnforcementProfile profile) {
        return new PlatformState(new KeyStore(), EmulatorClock.system(), profile, new UsageLog());
    }

    public KeyStore keys() {
        return keys;
    }

    public EmulatorClock clock() {
        return clock;
    }

    public EnforcementProfile profile() {
        return profile.get();
    }

    /**
     * Switches the profile at run time. When the reset zone or weekday changes, every key's next
     * boundary is recomputed from its period start, so a new calendar takes effect at once.
     */
    public void replaceProfile(EnforcementProfile next) {
        EnforcementProfile previous = profile.getAndSet(Objects.requireNonNull(next, "next"));
        if (!previous.calendar().equals(next.calendar())) {
            for (ApiKey key : keys.list()) {
                key.recalendar(next.calendar());
            }
        }
    }

    public UsageLog log() {
        return log;
    }

    public UsageStats stats() {
        return stats;
    }

    public DeferredPostings deferred() {
        return deferred;
    }

    /** Settlements held back from the ledger's read views ({@code ledger_read_lag}). */
    public LedgerReadLag readLag() {
        return readLag;
    }

    /**
     * A key's state as the read views show it (usage endpoint, admin key view): due resets applied,
     * settlements still held by {@code ledger_read_lag} left out.
     */
    public KeyState readView(ApiKey key) {
        EnforcementProfile p = profile();
        Instant now = clock.instant();
        return readLag.visible(key, key.applyDueReset(now, p.calendar(), p.resetLag()), now);
    }

    /** Applies due deferred postings and due resets of every key (the sweeper's work). */
    public void sweep() {
        EnforcementProfile p = profile();
        deferred.flushDue(clock.instant());
        for (ApiKey key : keys.list()) {
            key.applyDueReset(clock.instant(), p.calendar(), p.resetLag());
        }
    }
}

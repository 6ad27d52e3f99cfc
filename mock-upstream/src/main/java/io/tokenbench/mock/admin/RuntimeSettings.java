package io.tokenbench.mock.admin;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.FaultSettings;
import java.util.Objects;

/**
 * The behaviour and fault settings in force, changed at runtime by {@code PUT /admin/config}. Each
 * request reads them once when it is planned; requests in flight keep what they started with.
 * Thread-safe.
 */
public final class RuntimeSettings {

    /** Behaviour and faults, swapped together. */
    public record Snapshot(Behavior behavior, FaultSettings faults) {
        public Snapshot {
            Objects.requireNonNull(behavior, "behavior");
            Objects.requireNonNull(faults, "faults");
        }
    }

    private volatile Snapshot current;

    public RuntimeSettings(Behavior behavior, FaultSettings faults) {
        this.current = new Snapshot(behavior, faults);
    }

    public Snapshot current() {
        return current;
    }

    public void replace(Snapshot next) {
        this.current = Objects.requireNonNull(next, "next");
    }
}

package io.tokenbench.mock.enforcement;

import io.tokenbench.mock.billing.UsageLog;
import io.tokenbench.mock.catalog.PriceList;
import io.tokenbench.mock.clock.EmulatorClock;
import io.tokenbench.mock.keys.KeyStore;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.PlatformState;
import io.tokenbench.mock.platform.StateFile;
import io.tokenbench.mock.platform.Sweeper;
import io.tokenbench.mock.platformadmin.PlatformRoutes;
import io.tokenbench.mock.routing.RouteGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the mock needs to emulate PowerTokens keys, assembled in one place: the gate, the
 * emulator clock (an {@link java.time.InstantSource} for wall-clock fields), the admin route
 * groups, and the sweeper (resets, deferred postings, state-file saves).
 *
 * <pre>
 * PowerTokensPlatform keys = PowerTokensPlatform.open(catalog, profile, stateFileOrNull);
 * config = config.withGate(keys.gate()).withClock(keys.clock()).withRouteGroups(keys.routeGroups());
 * keys.start();            // after the server started
 * ...
 * keys.close();            // after the server closed: final save
 * </pre>
 */
public final class PowerTokensPlatform implements AutoCloseable {

    private final PlatformState state;
    private final PowerTokensGate gate;
    private final List<RouteGroup> routeGroups;
    private final Sweeper sweeper;

    private PowerTokensPlatform(
            PlatformState state, PriceList prices, StateFile stateFile, long seed) {
        this.state = state;
        this.gate = new PowerTokensGate(prices, state, seed);
        this.routeGroups = PlatformRoutes.all(state);
        this.sweeper = new Sweeper(state, stateFile);
    }

    /**
     * @param stateFile the {@code --state-file}, or {@code null} for in-memory state
     * @throws IOException when an existing state file cannot be read (the mock must not start and
     *     overwrite it)
     */
    public static PowerTokensPlatform open(
            PriceList prices, EnforcementProfile profile, Path stateFile) throws IOException {
        return open(prices, profile, stateFile, PowerTokensGate.DEFAULT_FAULT_SEED);
    }

    /**
     * As {@link #open(PriceList, EnforcementProfile, Path)}, with the gate's settlement fault
     * switches seeded from {@code seed} (the mock's {@code --seed}).
     */
    public static PowerTokensPlatform open(
            PriceList prices, EnforcementProfile profile, Path stateFile, long seed)
            throws IOException {
        PlatformState state =
                new PlatformState(new KeyStore(), EmulatorClock.system(), profile, new UsageLog());
        StateFile file = stateFile == null ? null : new StateFile(stateFile);
        if (file != null) {
            file.load(state);
        }
        return new PowerTokensPlatform(state, prices, file, seed);
    }

    public PowerTokensGate gate() {
        return gate;
    }

    public EmulatorClock clock() {
        return state.clock();
    }

    public List<RouteGroup> routeGroups() {
        return routeGroups;
    }

    public PlatformState state() {
        return state;
    }

    /** Starts the sweeper (every second). */
    public void start() {
        sweeper.start(Sweeper.DEFAULT_INTERVAL);
    }

    /** Stops the sweeper and writes the state file one last time. */
    @Override
    public void close() throws IOException {
        sweeper.stop();
    }
}

package io.tokenbench.simulations.cli;

import java.nio.file.Path;
import java.util.List;

/** How the mock process is found and configured. */
final class MockArgs {
    /** The mock's options for calibration: no time to first token, no gap between tokens. */
    static final List<String> ZERO_LATENCY = List.of("--ttft", "0ms", "--itl", "0ms");

    /**
     * The mock's options for the mixed scenario: video jobs queued 1 s and rendered at 250 ms per
     * video second (a 4 s video completes about 2 s after submission instead of the default 45 s),
     * so jobs finish within a short run's grace; every other media latency keeps the mock's
     * realistic defaults (ENDPOINTS.md).
     */
    static final List<String> MIXED = List.of("--video-queue", "1s", "--video-render", "250ms");

    private MockArgs() {}

    /**
     * {@code -Dtokenbench.mockJar}, else {@code mock-upstream/target/mock-upstream.jar} under the
     * working directory.
     */
    static Path jar() {
        String p = System.getProperty("tokenbench.mockJar");
        return p != null ? Path.of(p) : Path.of("mock-upstream", "target", "mock-upstream.jar");
    }
}

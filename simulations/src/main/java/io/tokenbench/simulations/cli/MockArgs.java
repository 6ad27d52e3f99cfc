package io.tokenbench.simulations.cli;

import java.nio.file.Path;
import java.util.List;

/** How the mock process is found and configured. */
final class MockArgs {
  /** The mock's options for calibration: no time to first token, no gap between tokens. */
  static final List<String> ZERO_LATENCY = List.of("--ttft", "0ms", "--itl", "0ms");

  private MockArgs() {}

  /** {@code -Dtokenbench.mockJar}, else {@code mock-upstream/target/mock-upstream.jar} under the working directory. */
  static Path jar() {
    String p = System.getProperty("tokenbench.mockJar");
    return p != null ? Path.of(p) : Path.of("mock-upstream", "target", "mock-upstream.jar");
  }
}

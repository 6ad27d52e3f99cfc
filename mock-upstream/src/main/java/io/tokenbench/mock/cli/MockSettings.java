package io.tokenbench.mock.cli;

import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asks for: the server config, the key-enforcement profile, the {@code
 * --state-file}, and whether the admin token was generated (then it is printed at start).
 */
record MockSettings(
        MockConfig config,
        EnforcementProfile profile,
        Optional<Path> stateFile,
        boolean generatedAdminToken) {

    MockSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(stateFile, "stateFile");
    }
}

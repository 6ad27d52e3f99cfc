package io.tokenbench.mock.cli;

import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.tls.TlsConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asks for: the server config, the key-enforcement profile, the {@code
 * --state-file}, whether the admin token was generated (then it is printed at start), TLS, and the
 * JIT compiler threads' nice value (0: left alone).
 */
record MockSettings(
        MockConfig config,
        EnforcementProfile profile,
        Optional<Path> stateFile,
        boolean generatedAdminToken,
        Optional<TlsConfig> tls,
        int jitNice) {

    MockSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(tls, "tls");
    }
}

package io.tokenbench.mock.cli;

import io.tokenbench.mock.platform.EnforcementProfile;
import java.util.function.Function;

/** Test access to the mock's option parsing without starting a server. */
public final class CommandLines {

    private CommandLines() {}

    /** The settings {@code args} give, with {@code environment} for {@code --api-keys-env}. */
    static MockSettings settings(Function<String, String> environment, String... args) {
        MockCommand command = new MockCommand(environment);
        MockMain.commandLine(command).parseArgs(args);
        return command.settings();
    }

    /**
     * The enforcement profile that command-line options such as {@code --concurrency atomic} give.
     */
    public static EnforcementProfile profile(String... args) {
        return settings(name -> null, args).profile();
    }
}

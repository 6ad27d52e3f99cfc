package io.tokenbench.simulations.keys.cli;

import io.tokenbench.options.Commands;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code ./tokenbench keys verify [options]}: runs {@link KeysVerifyCommand} and exits with its
 * code (0 pass, 1 a check failed, 2 bad option or could not run).
 */
public final class KeysVerifyMain {
    /** What every usage line and error names. */
    static final String LAUNCHER_COMMAND = "keys verify";

    private KeysVerifyMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(
            String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine line = Commands.create(new KeysVerifyCommand(env, out), LAUNCHER_COMMAND);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return line.execute(args);
    }

    /**
     * The options {@code ./tokenbench keys verify <args>} would run with, without running.
     *
     * @throws CommandLine.ParameterException naming the option when one is invalid
     */
    static KeysVerifyOptions parse(String... args) {
        KeysVerifyCommand command = new KeysVerifyCommand(Map.of(), System.out);
        Commands.create(command, LAUNCHER_COMMAND).parseArgs(args);
        return command.options();
    }
}

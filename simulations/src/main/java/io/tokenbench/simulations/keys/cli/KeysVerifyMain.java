package io.tokenbench.simulations.keys.cli;

import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.EnforcementReport;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code ./tokenbench keys verify [options]}: parse, run, print one line per check, exit 0 (every
 * check passed or was quantified / not checked), 1 (a check failed) or 2 (bad option, or the target
 * could not be verified).
 */
public final class KeysVerifyMain {
    private KeysVerifyMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(
            String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        KeysVerifyOptions options;
        try {
            options = KeysVerifyOptions.parse(args);
        } catch (OptionException e) {
            err.println("keys verify: " + e.getMessage());
            return EnforcementReport.EXIT_COULD_NOT_RUN;
        }
        if (options.help()) {
            out.print(Help.TEXT);
            return 0;
        }
        try {
            KeysVerifyRun.Outcome outcome = KeysVerifyRun.execute(options, env);
            for (CheckResult c : outcome.report().checks()) {
                out.printf(
                        "%-16s %-11s %s%n",
                        c.name().wireName(), c.verdict().wireName(), c.summary());
            }
            out.println(
                    "keys verify: "
                            + (outcome.report().failed() ? "FAIL" : "PASS")
                            + "; details in "
                            + outcome.runDir().resolve("enforcement.md")
                            + " and "
                            + outcome.runDir().resolve("report.html"));
            return outcome.report().exitCode();
        } catch (OptionException e) {
            err.println("keys verify: " + e.getMessage());
            return EnforcementReport.EXIT_COULD_NOT_RUN;
        } catch (UncheckedIOException | java.io.IOException e) {
            err.println("keys verify: could not run: " + e.getMessage());
            return EnforcementReport.EXIT_COULD_NOT_RUN;
        } catch (RuntimeException e) {
            // Anything else is a target the verifier cannot work with (or a bug): never exit 1,
            // which means "failed".
            err.println("keys verify: could not run: " + e);
            return EnforcementReport.EXIT_COULD_NOT_RUN;
        }
    }
}

package io.tokenbench.simulations.cli;

import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the command line in-process. */
public final class TokenbenchRunAccess {
    private TokenbenchRunAccess() {}

    public static int run(
            String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return TokenbenchRun.run(args, out, err, env);
    }
}

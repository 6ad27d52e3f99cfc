package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.config.Parameter;

/** The {@code --help} text, generated from {@link Parameter} so defaults have one home. */
final class Usage {
    private Usage() {}

    static String text(String command) {
        StringBuilder b = new StringBuilder();
        b.append("usage: ./tokenbench ").append(command).append(" [options]\n\n");
        b.append(
                switch (command) {
                    case "sweep" ->
                            "Capacity sweep: Poisson rate steps (--load steps(S/s,+I/s,xN,D), default steps(5/s,+5/s,x8,15s))\n"
                                    + "until an SLO breaks or the target saturates; prints the latency-vs-load curve, the max sustainable\n"
                                    + "rate, knee and headroom, and writes sweep.html, sweep.json and sweep.md.\n";
                    case "calibrate" ->
                            "The same load shape against a mock with no delays (a separate process started with --ttft 0ms\n"
                                    + "--itl 0ms): what the harness, the loopback and the mock add, per percentile.\n";
                    default ->
                            "A load test (default: 60 s of Poisson streaming chat against the embedded mock, started as a\n"
                                    + "separate process). With --base-url it targets that URL; the key comes from --api-key-env.\n";
                });
        b.append("\noptions (also as -Dname=value; the command line wins):\n");
        for (Parameter p : Parameter.values()) {
            b.append(String.format("  --%-22s %s%n", p.key() + " V", p.help()));
            if (p.defaultValue() != null) {
                b.append(String.format("  %-24s default: %s%n", "", p.defaultValue()));
            }
        }
        b.append(
                "\nDurations: 500ms, 30s, 2m, 1h (bare numbers are seconds). A bad value exits 2 naming the option.\n");
        b.append("API keys are read from the environment only, never from an option.\n");
        return b.toString();
    }
}

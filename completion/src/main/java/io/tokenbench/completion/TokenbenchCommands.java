package io.tokenbench.completion;

import io.tokenbench.benchmarks.cli.BenchCommand;
import io.tokenbench.mock.cli.MockCommand;
import io.tokenbench.options.Commands;
import io.tokenbench.reports.cli.ReportsCommands;
import io.tokenbench.simulations.cli.CalibrateCommand;
import io.tokenbench.simulations.cli.RunCommand;
import io.tokenbench.simulations.cli.SweepCommand;
import io.tokenbench.simulations.keys.cli.KeysVerifyCommand;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The whole {@code ./tokenbench} command tree, made of the command classes each module runs, so the
 * completion offers exactly the options the commands accept. {@code test} and {@code latency-gate}
 * are shell scripts; their options are declared here and checked against the scripts' own help by
 * {@code CompletionScriptTest}.
 */
@Command(name = "tokenbench", description = "Load testing and benchmarking for LLM gateways")
public final class TokenbenchCommands {

    /** {@code ./tokenbench test}: the launcher's test command (a shell function). */
    @Command(name = "test", description = "every test (what .ci/run runs)")
    static final class TestCommand {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true)
        boolean help;
    }

    /** {@code ./tokenbench latency-gate}: ci/latency-gate.sh. */
    @Command(name = "latency-gate", description = "a fixed load gated against ci/baselines")
    static final class LatencyGateCommand {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true)
        boolean help;

        @Option(names = "--quick")
        boolean quick;

        @Option(names = "--runs", paramLabel = "N")
        int runs;

        @Option(names = "--out", paramLabel = "DIR")
        java.nio.file.Path out;

        @Option(names = "--baseline", paramLabel = "DIR")
        java.nio.file.Path baseline;

        @Option(names = "--rules", paramLabel = "FILE")
        java.nio.file.Path rules;

        @Option(names = "--inconclusive", completionCandidates = PassFail.class)
        String inconclusive;

        @Option(names = "--refresh-baseline")
        boolean refreshBaseline;
    }

    /** {@code ./tokenbench keys verify}. */
    @Command(name = "keys", description = "key-limit enforcement checks")
    static final class KeysCommand {}

    /** {@code ./tokenbench completion bash}. */
    @Command(name = "completion", description = "print the shell completion script")
    static final class CompletionCommand {
        @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class)
        String shell;
    }

    static final class PassFail extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        PassFail() {
            super(java.util.List.of("pass", "fail"));
        }
    }

    static final class Shells extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Shells() {
            super(java.util.List.of("bash"));
        }
    }

    private TokenbenchCommands() {}

    /** The command tree, with every module's commands under the names the launcher dispatches. */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new TokenbenchCommands());
        root.addSubcommand("test", new TestCommand());
        root.addSubcommand("latency-gate", new LatencyGateCommand());
        root.addSubcommand("run", Commands.create(new RunCommand(), "run"));
        root.addSubcommand("sweep", Commands.create(new SweepCommand(), "sweep"));
        root.addSubcommand("calibrate", Commands.create(new CalibrateCommand(), "calibrate"));
        CommandLine keys = new CommandLine(new KeysCommand());
        keys.addSubcommand("verify", Commands.create(new KeysVerifyCommand(), "keys verify"));
        root.addSubcommand("keys", keys);
        root.addSubcommand("bench", Commands.create(new BenchCommand(), "bench"));
        root.addSubcommand("mock", Commands.create(new MockCommand(), "mock"));
        for (Map.Entry<String, CommandLine> report :
                ReportsCommands.commandLine().getSubcommands().entrySet()) {
            if (!report.getKey().equals("help")) {
                root.addSubcommand(report.getKey(), report.getValue());
            }
        }
        root.addSubcommand("completion", new CompletionCommand());
        return root;
    }
}

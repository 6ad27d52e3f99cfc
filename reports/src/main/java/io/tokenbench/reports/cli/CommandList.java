package io.tokenbench.reports.cli;

import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The top-level help's list of commands: each with what it cannot run without (required options,
 * then positional parameters: {@code gate --rules FILE --current DIR...}, {@code report RUN_DIR})
 * and the first line of its header or description. Derived from the commands' annotations, so it
 * cannot drift from their own usage lines.
 */
final class CommandList implements IHelpSectionRenderer {

    @Override
    public String render(Help help) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Help> command : help.subcommands().entrySet()) {
            CommandSpec spec = command.getValue().commandSpec();
            out.append("  ").append(command.getKey());
            spec.options().stream()
                    .filter(OptionSpec::required)
                    .forEach(o -> out.append(' ').append(o.longestName()).append(label(o)));
            spec.positionalParameters().stream()
                    .filter(p -> !p.hidden())
                    .forEach(
                            p ->
                                    out.append(
                                            p.arity().min() > 0
                                                    ? label(p)
                                                    : " [" + label(p).strip() + "]"));
            out.append('\n');
            // picocli's own help command says what it does in its header
            String[] summary = spec.usageMessage().header();
            if (summary.length == 0) {
                summary = spec.usageMessage().description();
            }
            if (summary.length > 0) {
                out.append("      ").append(summary[0]).append('\n');
            }
        }
        return out.toString();
    }

    private static String label(ArgSpec arg) {
        return " " + arg.paramLabel() + (arg.isMultiValue() ? "..." : "");
    }
}

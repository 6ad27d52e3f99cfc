package io.tokenbench.reports.cli;

import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.ingest.BadInputException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** {@code java -jar reports.jar report|merge|compare|gate ...}: dispatch, exit codes, usage. */
public final class ReportsMain {

    static final String USAGE =
            """
            usage: reports <command> [options]   (./tokenbench <command> ...)

            commands:
              report RUN_DIR [--baseline DIR] [--rules FILE] [--format text|markdown|json]
                  write summary.json, report.html, summary.md, junit.xml into RUN_DIR and print the summary
              merge OUT_DIR RUN_DIR...
                  add several injectors' run folders interval by interval into a new run folder OUT_DIR
              compare BASELINE CURRENT [--format text|markdown|json]
                  per-metric p50/p90/p99/p99.9/max, throughput, goodput, outcomes with deltas
                  (BASELINE and CURRENT: run folders, JMH -rf json files or summary.json files)
              gate --rules FILE [--baseline DIR...] --current DIR... [--format text|markdown|json|junit]
                   [--junit FILE] [--markdown FILE] [--inconclusive pass|fail]
                  exit 0 pass, 1 regression, 2 could not evaluate

            every command takes --help; a bad option exits 2 and names it. See reports/README.md.
            """;

    private ReportsMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "report" -> ReportCommand.run(rest, out, err);
                case "merge" -> MergeCommand.run(rest, out, err);
                case "compare" -> CompareCommand.run(rest, out, err);
                case "gate" -> GateCommand.run(rest, out, err);
                case "--help", "-h", "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("reports: unknown command '" + command + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(
                    "reports "
                            + command
                            + ": "
                            + e.getMessage()
                            + " (see reports "
                            + command
                            + " --help)");
            return 2;
        } catch (BadInputException e) {
            err.println("reports " + command + ": " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println(
                    "reports "
                            + command
                            + ": "
                            + e.getMessage()
                            + ": "
                            + e.getCause().getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println(
                    "reports "
                            + command
                            + ": internal error ("
                            + e
                            + "); please report it with the input");
            return 2;
        }
    }

    /** The {@code --format} option, restricted to the formats a command can print. */
    static OutputFormat format(Args a, String fallback, OutputFormat... allowed) {
        String name = a.one("--format", fallback);
        return OutputFormat.fromCliName(name)
                .filter(f -> Arrays.asList(allowed).contains(f))
                .orElseThrow(
                        () ->
                                new UsageException(
                                        "--format must be one of "
                                                + Arrays.stream(allowed)
                                                        .map(OutputFormat::cliName)
                                                        .toList()
                                                + ", got '"
                                                + name
                                                + "'"));
    }
}

package io.tokenbench.benchmarks.cli;

import io.tokenbench.benchmarks.client.ClientKind;
import io.tokenbench.benchmarks.target.TargetKind;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunSummary;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the openai-java SDK adds, read from a {@code ChatBench} run on the zero-latency mock
 * (through the reports model): per request, the SDK's median non-streamed latency minus a lean
 * client's at the same tokens; per streamed token, the difference of the slopes of median stream
 * latency over {@code tokens} ((p50(stream, max) - p50(stream, min)) / (max - min)); with ratios
 * SDK / lean. Medians, because they are robust to the noisy neighbours of a shared machine. Empty
 * when the run lacks the needed series.
 */
final class OverheadTable {

    private static final Pattern SERIES =
            Pattern.compile("ChatBench\\.(\\w+)\\[client=(\\w+),target=(\\w+),tokens=(\\d+)]");
    private static final double MICROS_PER_MILLI = 1000.0;

    private OverheadTable() {}

    /** Median figures of one client on MOCK_ZERO, in microseconds (NaN when not measured). */
    record ClientFigures(
            double requestMicros, double ttftMicros, double perTokenMicros, double threads4Ratio) {}

    /** The per-client figures at the smallest and largest {@code tokens}, or empty. */
    static Optional<Map<ClientKind, ClientFigures>> figures(RunSummary summary) {
        Map<String, Double> p50 = new HashMap<>();
        TreeSet<Integer> tokens = new TreeSet<>();
        for (MetricSummary m : summary.metrics().values()) {
            Matcher s = SERIES.matcher(m.name());
            if (s.matches() && s.group(3).equals(TargetKind.MOCK_ZERO.name()) && m.count() > 0) {
                p50.put(
                        s.group(1) + "/" + s.group(2) + "/" + s.group(4),
                        m.p50() * MICROS_PER_MILLI);
                tokens.add(Integer.parseInt(s.group(4)));
            }
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        int low = tokens.first();
        int high = tokens.last();
        Map<ClientKind, ClientFigures> figures = new EnumMap<>(ClientKind.class);
        for (ClientKind client : ClientKind.values()) {
            double request = get(p50, "complete", client, low);
            double ttft = get(p50, "firstToken", client, low);
            double perToken =
                    high > low
                            ? (get(p50, "stream", client, high) - get(p50, "stream", client, low))
                                    / (high - low)
                            : Double.NaN;
            double scaling = get(p50, "completeThreads4", client, low) / request;
            if (!(Double.isNaN(request) && Double.isNaN(ttft) && Double.isNaN(perToken))) {
                figures.put(client, new ClientFigures(request, ttft, perToken, scaling));
            }
        }
        return figures.containsKey(ClientKind.SDK) && figures.size() > 1
                ? Optional.of(figures)
                : Optional.empty();
    }

    /** The table as text, or empty when the run has no SDK and lean-client series on MOCK_ZERO. */
    static Optional<String> render(RunSummary summary) {
        return figures(summary).map(OverheadTable::format);
    }

    private static String format(Map<ClientKind, ClientFigures> figures) {
        StringBuilder out = new StringBuilder("ChatBench on MOCK_ZERO, medians in microseconds:\n");
        out.append(
                String.format(
                        Locale.ROOT,
                        "  %-6s %14s %14s %16s %22s%n",
                        "client",
                        "request (µs)",
                        "ttft (µs)",
                        "per token (µs)",
                        "4 threads / 1 thread"));
        figures.forEach(
                (client, f) ->
                        out.append(
                                String.format(
                                        Locale.ROOT,
                                        "  %-6s %14.1f %14.1f %16.2f %22.2f%n",
                                        client,
                                        f.requestMicros(),
                                        f.ttftMicros(),
                                        f.perTokenMicros(),
                                        f.threads4Ratio())));
        ClientFigures sdk = figures.get(ClientKind.SDK);
        figures.forEach(
                (client, f) -> {
                    if (client != ClientKind.SDK) {
                        out.append(
                                String.format(
                                        Locale.ROOT,
                                        "  SDK vs %-5s: per request %+.1f µs (x%.2f), per streamed token %+.2f µs (x%.2f)%n",
                                        client,
                                        sdk.requestMicros() - f.requestMicros(),
                                        sdk.requestMicros() / f.requestMicros(),
                                        sdk.perTokenMicros() - f.perTokenMicros(),
                                        sdk.perTokenMicros() / f.perTokenMicros()));
                    }
                });
        return out.toString();
    }

    private static double get(
            Map<String, Double> p50, String method, ClientKind client, int tokens) {
        return p50.getOrDefault(method + "/" + client.name() + "/" + tokens, Double.NaN);
    }
}

package io.tokenbench.reports.format;

import io.tokenbench.reports.model.Quantity;
import java.util.List;
import java.util.Map;

/**
 * Human labels for the HTML pages: metric groups drawn on one chart, chart titles, figure names
 * with units instead of raw keys ({@code throughput.offered_rps} is "offered rate").
 */
final class Labels {

    private Labels() {}

    /** Related metrics drawn as lines on one chart, with the chart's title; first is primary. */
    record Group(String title, List<String> metrics) {}

    static final List<Group> GROUPS =
            List.of(
                    new Group("Time to first token", List.of("ttft", "ttft_sched", "ttfc", "ttfb")),
                    new Group("End-to-end latency", List.of("e2e", "e2e_sched")),
                    new Group("Inter-token latency", List.of("itl", "tpot")),
                    new Group("Stream tail (last token to end)", List.of("stream_tail")),
                    new Group("Decode rate per stream", List.of("decode_rate")),
                    new Group("Image generation time", List.of("image_e2e")),
                    new Group("Transcription real-time factor", List.of("transcription_rtf")),
                    new Group("Time to first audio", List.of("ttfa")),
                    new Group(
                            "Video jobs", List.of("video_accept", "video_queue", "video_complete")),
                    new Group("Video status polls per job", List.of("video_polls")),
                    new Group("Harness dispatch lag", List.of("dispatch_lag")));

    private static final Map<String, String> METRICS =
            Map.ofEntries(
                    Map.entry("ttft", "time to first token"),
                    Map.entry("ttft_sched", "time to first token from schedule"),
                    Map.entry("ttfc", "time to first content"),
                    Map.entry("ttfb", "time to first byte"),
                    Map.entry("e2e", "end-to-end latency"),
                    Map.entry("e2e_sched", "end-to-end latency from schedule"),
                    Map.entry("stream_tail", "stream tail"),
                    Map.entry("itl", "inter-token latency"),
                    Map.entry("tpot", "time per output token"),
                    Map.entry("decode_rate", "decode rate per stream"),
                    Map.entry("dispatch_lag", "harness dispatch lag"),
                    Map.entry("image_e2e", "image generation time"),
                    Map.entry("transcription_rtf", "transcription real-time factor"),
                    Map.entry("ttfa", "time to first audio"),
                    Map.entry("video_accept", "video accept time"),
                    Map.entry("video_queue", "video queue time"),
                    Map.entry("video_complete", "video completion time"),
                    Map.entry("video_polls", "video status polls"));

    private static final Map<String, String> FIGURES =
            Map.ofEntries(
                    Map.entry("throughput.offered_rps", "offered rate"),
                    Map.entry("throughput.sent_rps", "sent rate"),
                    Map.entry("throughput.completed_rps", "completed rate"),
                    Map.entry("throughput.output_tokens_per_s", "output tokens/s"),
                    Map.entry("throughput.input_tokens_per_s", "input tokens/s"),
                    Map.entry("goodput.good_rps", "goodput"),
                    Map.entry("goodput.slo_attainment", "SLO attainment"),
                    Map.entry("error_rate", "error rate"),
                    Map.entry("credits.total", "Credits spent (total)"),
                    Map.entry("requests.successful", "successful requests"));

    /** {@code ttft_sched} as "time to first token from schedule (ttft_sched)". */
    static String metric(String wireName) {
        int dot = wireName.indexOf('.');
        if (dot > 0 && !METRICS.containsKey(wireName)) {
            return wireName.substring(0, dot) + ": " + metric(wireName.substring(dot + 1));
        }
        String human = METRICS.get(wireName);
        return human == null ? wireName : human + " (" + wireName + ")";
    }

    /** A quantity's human name: figures by name, series statistics as "ttft p99". */
    static String quantity(Quantity q) {
        String name = q.name();
        String figure = FIGURES.get(name);
        if (figure != null) {
            return figure;
        }
        int dot = name.indexOf('.');
        if (dot > 0 && FIGURES.containsKey(name.substring(dot + 1))) {
            return name.substring(0, dot) + " " + FIGURES.get(name.substring(dot + 1));
        }
        if (name.startsWith("outcome.")) {
            String rest = name.substring("outcome.".length());
            int last = rest.lastIndexOf('.');
            return last < 0
                    ? rest
                    : rest.substring(0, last) + (rest.endsWith(".rate") ? " share" : " requests");
        }
        int last = name.lastIndexOf('.');
        return last < 0 ? name : name.substring(0, last) + " " + name.substring(last + 1);
    }

    /** The unit to print after a value ({@code fraction} prints as %, {@code count} bare). */
    static String unit(String unit) {
        return switch (unit) {
            case "fraction" -> "%";
            case "count" -> "";
            default -> unit;
        };
    }
}

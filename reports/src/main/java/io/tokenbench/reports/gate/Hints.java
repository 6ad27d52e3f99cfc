package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.record.EndpointClass;

/** Default hints per kind of quantity, used when a rule has none of its own. */
final class Hints {

    private Hints() {}

    /** {@code images.image_e2e.p99} is hinted as {@code image_e2e.p99}. */
    private static String withoutClass(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && EndpointClass.fromWireName(name.substring(0, dot)).isPresent()
                ? name.substring(dot + 1)
                : name;
    }

    static String forRule(Rule rule) {
        if (rule.hint().isPresent()) {
            return rule.hint().get();
        }
        String name = withoutClass(rule.quantity().name());
        if (name.startsWith("ttfa")) {
            return "time to first audio chunk: compare speech.ttfb (headers) with speech.ttfa; itl shows the gaps"
                    + " between chunks";
        }
        if (name.startsWith("video_")) {
            return "video jobs: video_queue and video_complete are seen at polls (quantised by openai-poll-after-ms);"
                    + " compare video_polls";
        }
        if (name.startsWith("dispatch_lag")) {
            return "the load generator is late: give the injector more CPU, lower the rate or split the load"
                    + " across injectors (merge their run folders)";
        }
        if (name.startsWith("ttft_sched") || name.startsWith("e2e_sched")) {
            return "user-perceived latency: if ttft (service time) moved less, requests queued before being"
                    + " sent (connection pool, gateway queue, dispatch_lag)";
        }
        if (name.startsWith("ttft") || name.startsWith("ttfc") || name.startsWith("ttfb")) {
            return "time to first token: compare ttfb (gateway headers) with ttft (model) in report.html";
        }
        if (name.startsWith("itl") || name.startsWith("tpot") || name.startsWith("decode_rate")) {
            return "decoding got slower: itl p99 shows stalls; check the upstream model and batching";
        }
        if (rule.quantity() instanceof Quantity.OutcomeShare || name.equals("error_rate")) {
            return "see the top errors (samples in errors.jsonl) for why and outcomes.jsonl (the errors chart"
                    + " of report.html) for when the failures happened; http_429 means rate or key limits";
        }
        if (name.startsWith("throughput") || name.startsWith("goodput")) {
            return "throughput fell: check error outcomes, SLO misses and validity flags in report.html";
        }
        return "compare report.html of the current and the baseline run";
    }
}

package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.checks.ErrorExpectation.Refusal;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.Secret;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The error contract (key-limits.md item 7) of the expected error style: for a missing key, an
 * unknown key, an exhausted key (JSON and streaming request) and a pre-consume failure: status,
 * {@code error.type}, {@code error.code}, message start, {@code X-Oneapi-Request-Id} (newapi
 * style), a plain JSON body (never SSE bytes, also for {@code stream: true}) and no echo of the
 * key. A refusal that did not happen (the key was admitted) is listed as not observed: that is the
 * limit checks' finding, not the contract's.
 */
public final class ErrorContractCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ErrorContractCheck() {}

    /**
     * @param exhausted a key whose ledger shows remaining <= 0, or null
     * @param preConsume a key with 0 < remaining < the request's estimate, or null
     */
    public static CheckResult run(VerifyContext ctx, KeyHandle exhausted, KeyHandle preConsume) {
        String style = ctx.settings().expectedErrorStyle();
        ArrayNode rows = Evidence.array();
        List<String> problems = new ArrayList<>();
        List<String> notObserved = new ArrayList<>();
        ChatProbe json = ctx.probe();
        probe(
                ctx,
                style,
                Refusal.MISSING_KEY,
                "missing_key",
                json,
                null,
                rows,
                problems,
                notObserved);
        probe(
                ctx,
                style,
                Refusal.UNKNOWN_KEY,
                "unknown_key",
                json,
                randomKey(),
                rows,
                problems,
                notObserved);
        if (exhausted != null) {
            probe(
                    ctx,
                    style,
                    Refusal.EXHAUSTED,
                    "exhausted_json",
                    json,
                    exhausted.secret(),
                    rows,
                    problems,
                    notObserved);
            probe(
                    ctx,
                    style,
                    Refusal.EXHAUSTED,
                    "exhausted_stream",
                    json.withStream(true),
                    exhausted.secret(),
                    rows,
                    problems,
                    notObserved);
        } else {
            notObserved.add("exhausted (no exhausted key)");
        }
        if (preConsume != null) {
            probe(
                    ctx,
                    style,
                    Refusal.PRE_CONSUME,
                    "pre_consume_stream",
                    json.withStream(true),
                    preConsume.secret(),
                    rows,
                    problems,
                    notObserved);
        } else {
            notObserved.add("pre_consume (no key for it)");
        }
        ObjectNode e = Evidence.object();
        e.put("expected_style", style);
        e.set("cases", rows);
        ArrayNode missing = e.putArray("not_observed");
        notObserved.forEach(missing::add);
        if (!problems.isEmpty()) {
            return new CheckResult(
                    CheckName.ERROR_CONTRACT,
                    Verdict.FAIL,
                    problems.size()
                            + " refusal(s) break the "
                            + style
                            + " contract; first: "
                            + problems.get(0),
                    e);
        }
        return new CheckResult(
                CheckName.ERROR_CONTRACT,
                Verdict.PASS,
                rows.size()
                        + " refusals follow the "
                        + style
                        + " contract"
                        + (notObserved.isEmpty()
                                ? ""
                                : " (not observed: " + String.join(", ", notObserved) + ")"),
                e);
    }

    private static void probe(
            VerifyContext ctx,
            String style,
            Refusal refusal,
            String name,
            ChatProbe probe,
            Secret key,
            ArrayNode rows,
            List<String> problems,
            List<String> notObserved) {
        CallResult r = ctx.gateway().call(probe, key);
        if (r.admitted()) {
            notObserved.add(name + " (admitted)");
            return;
        }
        ErrorExpectation want = ErrorExpectation.of(style, refusal);
        ObjectNode row = rows.addObject();
        row.put("case", name);
        row.put("status", r.status());
        row.put("expected_status", want.status());
        row.put("content_type", r.contentType());
        row.put("request_id_header", r.oneapiHeader());
        boolean echoes = key != null && key.occursIn(r.errorBody());
        row.put("body", echoes ? "[withheld: the body echoes the key]" : r.errorBody());
        String problem = judge(style, want, r, key);
        row.put("verdict", problem == null ? "pass" : "fail");
        if (problem != null) {
            row.put("problem", problem);
            problems.add(name + ": " + problem);
        }
    }

    static String judge(String style, ErrorExpectation want, CallResult r, Secret key) {
        if (r.status() != want.status()) {
            return "status " + r.status() + ", expected " + want.status();
        }
        if (r.contentType() == null || !r.contentType().startsWith("application/json")) {
            return "Content-Type " + r.contentType() + ", expected application/json";
        }
        String body = r.errorBody() == null ? "" : r.errorBody();
        if (body.contains("data:")) {
            return "SSE bytes in the error body";
        }
        if (key != null && key.occursIn(body)) {
            return "the error body echoes the key";
        }
        if (style.equals("newapi") && !r.oneapiHeader()) {
            return "no X-Oneapi-Request-Id header";
        }
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (IOException e) {
            return "the body is not JSON";
        }
        if (!error.isObject()) {
            return "no error object in the body";
        }
        if (want.type() != null && !want.type().equals(error.path("type").asText(null))) {
            return "error.type " + error.path("type") + ", expected " + want.type();
        }
        if (want.code() != null && !want.code().equals(error.path("code").asText(null))) {
            return "error.code " + error.path("code") + ", expected \"" + want.code() + "\"";
        }
        if (want.messagePrefix() != null
                && !error.path("message").asText("").startsWith(want.messagePrefix())) {
            return "error.message does not start with \"" + want.messagePrefix() + "\"";
        }
        return null;
    }

    /** A well-formed key no gateway knows. */
    private static Secret randomKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder("sk-");
        for (int i = 0; i < 48; i++) {
            b.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return Secret.of(b.toString());
    }
}

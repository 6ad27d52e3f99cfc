package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.checks.ErrorExpectation.Refusal;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.Secret;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The error contract (key-limits.md item 7) of the expected error style: for a missing key, an
 * unknown key, an exhausted key (JSON and streaming request) and a pre-consume failure: status,
 * {@code error.type}, {@code error.code}, message start, {@code X-Oneapi-Request-Id} (newapi
 * style), a plain JSON body (never SSE bytes, also for {@code stream: true}) and no echo of the
 * key. A refusal that did not happen (the key was admitted) is listed as not observed: that is the
 * limit checks' finding, not the contract's.
 */
public final class ErrorContractCheck implements Check {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /**
     * @param notObserved refusals that could not be provoked, with why
     */
    public record ErrorContractEvidence(
            String expectedStyle, List<Row> cases, List<String> notObserved) implements Evidence {}

    /**
     * One refusal.
     *
     * @param body withheld when it echoes the key
     */
    public record Row(
            @JsonProperty("case") String caseName,
            int status,
            int expectedStatus,
            String contentType,
            boolean requestIdHeader,
            String body,
            Verdict verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

    @Override
    public CheckName name() {
        return CheckName.ERROR_CONTRACT;
    }

    @Override
    public CheckResult run(Findings f) {
        VerifyContext ctx = f.ctx();
        Optional<KeyHandle> exhausted = ctx.target().exhaustedKey(ctx, f.cells(), f.calibration());
        Optional<KeyHandle> preConsume = ctx.target().preConsumeKey(f.calibration());
        return run(ctx, exhausted.orElse(null), preConsume.orElse(null));
    }

    /**
     * @param exhausted a key whose ledger shows remaining <= 0, or null
     * @param preConsume a key with 0 < remaining < the request's estimate, or null
     */
    private static CheckResult run(VerifyContext ctx, KeyHandle exhausted, KeyHandle preConsume) {
        String style = ctx.settings().expectedErrorStyle();
        List<Row> rows = new ArrayList<>();
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
        ErrorContractEvidence e = new ErrorContractEvidence(style, rows, notObserved);
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
            List<Row> rows,
            List<String> problems,
            List<String> notObserved) {
        CallResult r = ctx.gateway().call(probe, key);
        if (r.admitted()) {
            notObserved.add(name + " (admitted)");
            return;
        }
        ErrorExpectation want = ErrorExpectation.of(style, refusal);
        boolean echoes = key != null && key.occursIn(r.errorBody());
        String problem = judge(style, want, r, key);
        rows.add(
                new Row(
                        name,
                        r.status(),
                        want.status(),
                        r.contentType(),
                        r.oneapiHeader(),
                        echoes ? "[withheld: the body echoes the key]" : r.errorBody(),
                        Verdict.passUnless(problem),
                        problem));
        if (problem != null) {
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

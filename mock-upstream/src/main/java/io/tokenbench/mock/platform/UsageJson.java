package io.tokenbench.mock.platform;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.billing.UsageRow;

/**
 * A usage log row as JSON, the same for {@code GET /admin/logs} and the state file (which reads it
 * back).
 */
public final class UsageJson {

    private UsageJson() {}

    public static ObjectNode row(UsageRow r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("time", r.time().toString());
        o.put("request_id", r.requestId());
        o.put("key_id", r.keyId());
        o.put("key_name", r.keyName());
        o.put("model", r.model());
        o.put("endpoint", r.endpoint());
        o.put("prompt_tokens", r.promptTokens());
        o.put("completion_tokens", r.completionTokens());
        o.put("credits", Credits.fromMicro(r.creditsMicro()));
        o.put("stream", r.stream());
        o.put("status", r.status());
        o.put("cancel_reason", r.cancelReason());
        o.put("period_start", r.periodStart().toString());
        return o;
    }
}

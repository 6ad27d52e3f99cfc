package io.tokenbench.mock.enforcement;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.gate.Admission.Rejected;
import io.tokenbench.mock.platform.ErrorStyle;
import io.tokenbench.mock.platform.Json;
import java.util.Map;

/**
 * Renders a {@link RejectionReason} as a complete response in an {@link ErrorStyle}. Exact statuses
 * and bodies (key-limits.md, "Error styles"; sources in key-limits-in-gateways.md §3.2, §4.2, §5):
 *
 * <ul>
 *   <li>newapi: every bad-key case 401 {@code {"error":{"message":"Invalid token (request id: R)",
 *       "type":"new_api_error","code":""}}}; model not allowed 403; pre-consume 403 code {@code
 *       pre_consume_token_quota_failed}; header {@code X-Oneapi-Request-Id: R}.
 *   <li>openai: bad key 401 {@code invalid_api_key}; exhausted or pre-consume 429 {@code
 *       insufficient_quota}; model 404 {@code model_not_found}.
 *   <li>openrouter: bad key 401; exhausted or pre-consume 402; model 403; {@code code} is the
 *       number.
 *   <li>litellm: bad key 401 {@code auth_error}; expired 401 {@code expired_key}; exhausted or
 *       pre-consume 429 {@code budget_exceeded}; model 401 {@code key_model_access_denied}; {@code
 *       code} is a string.
 * </ul>
 */
public final class RejectionRenderer {

    public static final String REQUEST_ID_HEADER = "X-Oneapi-Request-Id";

    private RejectionRenderer() {}

    public static Rejected render(ErrorStyle style, RejectionReason reason, RejectionDetails d) {
        Rejected rendered =
                switch (style) {
                    case NEWAPI -> newApi(reason, d);
                    case OPENAI -> openAi(reason, d);
                    case OPENROUTER -> openRouter(reason, d);
                    case LITELLM -> liteLlm(reason, d);
                };
        return rendered.withReason(reason.wireName());
    }

    private static Rejected newApi(RejectionReason reason, RejectionDetails d) {
        String suffix = " (request id: " + d.requestId() + ")";
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        int status;
        switch (reason) {
            case MODEL_FORBIDDEN -> {
                status = 403;
                error.put("message", "This token has no access to model " + d.model() + suffix);
                error.put("type", "new_api_error");
                error.put("code", "");
            }
            case PRE_CONSUME_FAILED -> {
                status = 403;
                error.put(
                        "message",
                        "token quota is not enough, token remain quota: "
                                + Credits.format(d.remainingMicroCredits())
                                + ", need quota: "
                                + Credits.format(d.neededMicroCredits())
                                + suffix);
                error.put("type", "new_api_error");
                error.put("param", "");
                error.put("code", "pre_consume_token_quota_failed");
            }
            default -> {
                status = 401;
                error.put("message", "Invalid token" + suffix);
                error.put("type", "new_api_error");
                error.put("code", "");
            }
        }
        return rejected(status, error, Map.of(REQUEST_ID_HEADER, d.requestId()));
    }

    private static Rejected openAi(RejectionReason reason, RejectionDetails d) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        int status;
        switch (reason) {
            case MISSING_TOKEN -> {
                status = 401;
                error.put(
                        "message",
                        "You didn't provide an API key. You need to provide your API key in an "
                                + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
                error.put("type", "invalid_request_error");
                error.putNull("param");
                error.putNull("code");
            }
            case UNKNOWN_KEY, DISABLED, EXPIRED -> {
                status = 401;
                error.put("message", "Incorrect API key provided.");
                error.put("type", "invalid_request_error");
                error.putNull("param");
                error.put("code", "invalid_api_key");
            }
            case MODEL_FORBIDDEN -> {
                status = 404;
                error.put(
                        "message",
                        "The model `"
                                + d.model()
                                + "` does not exist or you do not have access to it.");
                error.put("type", "invalid_request_error");
                error.putNull("param");
                error.put("code", "model_not_found");
            }
            default -> {
                status = 429;
                error.put(
                        "message",
                        "You exceeded your current quota, please check your plan and billing details.");
                error.put("type", "insufficient_quota");
                error.putNull("param");
                error.put("code", "insufficient_quota");
            }
        }
        return rejected(status, error, Map.of());
    }

    private static Rejected openRouter(RejectionReason reason, RejectionDetails d) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        int status =
                switch (reason) {
                    case MISSING_TOKEN -> 401;
                    case UNKNOWN_KEY, DISABLED, EXPIRED -> 401;
                    case MODEL_FORBIDDEN -> 403;
                    case EXHAUSTED, PRE_CONSUME_FAILED -> 402;
                };
        String message =
                switch (reason) {
                    case MISSING_TOKEN -> "No auth credentials found";
                    case UNKNOWN_KEY, DISABLED, EXPIRED -> "User not found.";
                    case MODEL_FORBIDDEN -> "This key has no access to model " + d.model();
                    case EXHAUSTED, PRE_CONSUME_FAILED ->
                            "Key limit exceeded. Manage it using https://openrouter.ai/settings/keys";
                };
        error.put("message", message);
        error.put("code", status);
        if (status == 402) {
            error.putObject("metadata").put("limit_source", "openrouter_key_limit");
        }
        return rejected(status, error, Map.of());
    }

    private static Rejected liteLlm(RejectionReason reason, RejectionDetails d) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        int status;
        switch (reason) {
            case EXPIRED -> {
                status = 401;
                error.put(
                        "message",
                        "Authentication Error - Expired Key. Key Expiry time "
                                + d.expiresAt()
                                + " and current time "
                                + d.now());
                error.put("type", "expired_key");
            }
            case MODEL_FORBIDDEN -> {
                status = 401;
                error.put(
                        "message",
                        "Authentication Error - key not allowed to access model. This key can only "
                                + "access models=[]. Tried to access "
                                + d.model());
                error.put("type", "key_model_access_denied");
            }
            case EXHAUSTED, PRE_CONSUME_FAILED -> {
                status = 429;
                error.put(
                        "message",
                        "Budget has been exceeded! Current cost: "
                                + Credits.format(d.limitMicroCredits() - d.remainingMicroCredits())
                                + ", Max budget: "
                                + Credits.format(d.limitMicroCredits()));
                error.put("type", "budget_exceeded");
            }
            case MISSING_TOKEN -> {
                status = 401;
                error.put("message", "Authentication Error, No api key passed in.");
                error.put("type", "auth_error");
            }
            default -> {
                status = 401;
                error.put("message", "Authentication Error, Invalid proxy server token passed.");
                error.put("type", "auth_error");
            }
        }
        error.putNull("param");
        error.put("code", Integer.toString(status));
        return rejected(status, error, Map.of());
    }

    private static Rejected rejected(int status, ObjectNode error, Map<String, String> headers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return new Rejected(status, headers, Json.bytes(body));
    }
}

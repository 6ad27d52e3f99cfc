package io.tokenbench.mock.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenAI-style error response: status, extra headers, and the envelope {@code
 * {"error":{"message","type","param","code"}}} with {@code code} a string or null. Factories name
 * every case the mock produces, with the texts the real API uses.
 */
public record ApiError(
        int status,
        String message,
        String type,
        String param,
        String code,
        Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String INVALID_REQUEST = "invalid_request_error";

    public ApiError {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(type, "type");
        headers = Map.copyOf(headers);
    }

    public static ApiError badRequest(String message, String param, String code) {
        return new ApiError(400, message, INVALID_REQUEST, param, code, Map.of());
    }

    public static ApiError unparsableJson() {
        return badRequest(
                "We could not parse the JSON body of your request. (HINT: This likely means you aren't"
                        + " using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was"
                        + " not valid JSON.)",
                null,
                null);
    }

    public static ApiError invalidType(String param, String expected, String got) {
        return badRequest(
                "Invalid type for '"
                        + param
                        + "': expected "
                        + expected
                        + ", but got "
                        + got
                        + " instead.",
                param,
                "invalid_type");
    }

    public static ApiError invalidValue(String param, String message) {
        return badRequest("Invalid value for '" + param + "': " + message, param, "invalid_value");
    }

    public static ApiError missingParameter(String param) {
        return badRequest(
                "Missing required parameter: '" + param + "'.",
                param,
                "missing_required_parameter");
    }

    public static ApiError missingApiKey() {
        return new ApiError(
                401,
                "You didn't provide an API key. You need to provide your API key in an"
                        + " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                INVALID_REQUEST,
                null,
                "invalid_api_key",
                Map.of());
    }

    /** The key itself is never echoed (the real API shows a masked form; we show none). */
    public static ApiError incorrectApiKey() {
        return new ApiError(
                401,
                "Incorrect API key provided.",
                INVALID_REQUEST,
                null,
                "invalid_api_key",
                Map.of());
    }

    public static ApiError modelNotFound(String model) {
        return new ApiError(
                404,
                "The model `" + model + "` does not exist or you do not have access to it.",
                INVALID_REQUEST,
                null,
                "model_not_found",
                Map.of());
    }

    public static ApiError invalidUrl(String method, String path) {
        return new ApiError(
                404,
                "Invalid URL (" + method + " " + path + ")",
                INVALID_REQUEST,
                null,
                null,
                Map.of());
    }

    public static ApiError methodNotAllowed(String method, String path, String allow) {
        return new ApiError(
                405,
                "Method " + method + " is not allowed for " + path + " (allowed: " + allow + ")",
                INVALID_REQUEST,
                null,
                null,
                Map.of("allow", allow));
    }

    public static ApiError bodyTooLarge(long maxBytes) {
        return new ApiError(
                413,
                "Request body too large: the limit is " + maxBytes + " bytes.",
                INVALID_REQUEST,
                null,
                "request_too_large",
                Map.of());
    }

    public static ApiError headersTooLarge() {
        return new ApiError(
                431, "Request header fields too large.", INVALID_REQUEST, null, null, Map.of());
    }

    public static ApiError uriTooLong() {
        return new ApiError(414, "Request URI too long.", INVALID_REQUEST, null, null, Map.of());
    }

    /** 408: the request's head and body did not arrive within the request deadline. */
    public static ApiError requestTimeout() {
        return new ApiError(
                408,
                "The request was not received in time (head and body must arrive within the"
                        + " request deadline).",
                INVALID_REQUEST,
                null,
                "request_timeout",
                Map.of());
    }

    /** 417: an {@code Expect} header other than {@code 100-continue}. */
    public static ApiError expectationFailed() {
        return new ApiError(
                417,
                "Unsupported Expect header: only 100-continue is supported.",
                INVALID_REQUEST,
                null,
                "expectation_failed",
                Map.of());
    }

    /** 400 for a request target whose path or query holds a malformed percent-escape. */
    public static ApiError malformedPath() {
        return badRequest(
                "Malformed request path or query (invalid percent-escape).", null, "invalid_path");
    }

    public static ApiError malformedHttp() {
        return badRequest("Malformed HTTP request.", null, null);
    }

    public static ApiError serverError(int status) {
        String message =
                status == 503
                        ? "The engine is currently overloaded, please try again later."
                        : status == 502
                                ? "Bad gateway: the upstream returned an invalid response."
                                : "The server had an error while processing your request. Sorry about that!";
        return new ApiError(status, message, "server_error", null, null, Map.of());
    }

    /**
     * 429 {@code rate_limit_exceeded} with {@code retry-after}, {@code retry-after-ms} and {@code
     * x-ratelimit-*}: the {@code http_429} fault of every endpoint.
     */
    public static ApiError rateLimited(long retryAfterNanos) {
        long retryAfterMillis = retryAfterNanos / 1_000_000;
        String reset = GoDuration.format(retryAfterNanos);
        return new ApiError(
                429,
                "Rate limit reached for requests per min (RPM): Limit 60, Used 60, Requested 1."
                        + " Please try again in "
                        + reset
                        + ".",
                "requests",
                null,
                "rate_limit_exceeded",
                Map.of(
                        "retry-after", Long.toString((retryAfterMillis + 999) / 1000),
                        "retry-after-ms", Long.toString(retryAfterMillis),
                        "x-ratelimit-limit-requests", "60",
                        "x-ratelimit-remaining-requests", "0",
                        "x-ratelimit-reset-requests", reset,
                        "x-ratelimit-limit-tokens", "150000",
                        "x-ratelimit-remaining-tokens", "150000",
                        "x-ratelimit-reset-tokens", "0s"));
    }

    public ApiError withHeaders(Map<String, String> extra) {
        return new ApiError(status, message, type, param, code, extra);
    }

    /** The envelope as UTF-8 JSON bytes. */
    public byte[] jsonBytes() {
        return envelope(message, type, param, code);
    }

    /** Renders an error envelope; also used for in-band stream errors. */
    public static byte[] envelope(String message, String type, String param, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an error envelope", e);
        }
    }
}

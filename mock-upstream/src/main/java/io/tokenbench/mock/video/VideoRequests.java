package io.tokenbench.mock.video;

import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.Multipart;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.RouteRequest;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code POST /v1/videos} bodies, JSON or {@code multipart/form-data} (what the SDKs send):
 * {@code prompt} required; {@code model} (default {@value #DEFAULT_MODEL}); {@code seconds} {@code
 * "4"}, {@code "8"} or {@code "12"} (default 4; a JSON number is accepted too); {@code size} one of
 * {@link #SIZES} (default {@code 720x1280}). {@code input_reference} is accepted and ignored.
 */
final class VideoRequests {

    static final String DEFAULT_MODEL = "sora-2";
    static final List<String> SIZES = List.of("720x1280", "1280x720", "1024x1792", "1792x1024");
    static final List<String> SECONDS = List.of("4", "8", "12");

    private VideoRequests() {}

    static VideoService.Submission openAi(RouteRequest request) {
        String contentType = request.header().apply("content-type");
        String prompt;
        String model;
        String seconds;
        String size;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Multipart form = Multipart.parse(contentType, request.body());
            prompt = form.field("prompt");
            model = form.field("model");
            seconds = form.field("seconds");
            size = form.field("size");
        } else if (contentType == null
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            JsonBody body = JsonBody.parse(request.body());
            prompt = body.optionalString("prompt").orElse(null);
            model = body.optionalString("model").orElse(null);
            seconds = body.node("seconds") == null ? null : body.node("seconds").asText();
            size = body.optionalString("size").orElse(null);
        } else {
            throw new ApiErrorException(
                    ApiError.badRequest(
                            "Invalid Content-Type header ("
                                    + contentType
                                    + "); this endpoint expects application/json or multipart/form-data.",
                            null,
                            "invalid_content_type"));
        }
        if (prompt == null || prompt.isBlank()) {
            throw new ApiErrorException(ApiError.missingParameter("prompt"));
        }
        String chosenSeconds = seconds == null ? "4" : seconds;
        if (!SECONDS.contains(chosenSeconds)) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "seconds",
                            "'"
                                    + chosenSeconds
                                    + "' is not supported; supported values are '4', '8' and '12'."));
        }
        String chosenSize = size == null ? SIZES.get(0) : size;
        if (!SIZES.contains(chosenSize)) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "size",
                            "'"
                                    + chosenSize
                                    + "' is not supported; supported values are "
                                    + String.join(", ", SIZES)
                                    + "."));
        }
        return new VideoService.Submission(
                model == null ? DEFAULT_MODEL : model,
                prompt,
                chosenSize,
                Integer.parseInt(chosenSeconds));
    }
}

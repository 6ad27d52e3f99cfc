package io.tokenbench.mock.video;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /v1/videos}, {@code GET /v1/videos/{id}} (every field of the video object, nullable
 * ones as null, and {@code openai-poll-after-ms}) and {@code GET /v1/videos/{id}/content} ({@code
 * video/mp4} once completed; 409 {@code video_not_ready} before, 409 {@code video_failed} for a
 * failed job, 404 for an unknown id).
 */
public final class OpenAiVideoRoutes extends MountedRouteGroup {

    public static final String PREFIX = "/v1/videos";

    /** Advised poll interval, sent as {@code openai-poll-after-ms}. */
    public static final long POLL_AFTER_MILLIS = 1000;

    /** How long a completed video stays downloadable ({@code expires_at}). */
    public static final Duration EXPIRY = Duration.ofHours(24);

    private final VideoService service;

    OpenAiVideoRoutes(VideoService service) {
        super(PREFIX, Access.PUBLIC);
        this.service = service;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        String rest = request.path().substring(PREFIX.length());
        return BilledCall.guarded(
                service.context(),
                () -> {
                    if (rest.isEmpty()) {
                        BilledCall.requireMethod(request, "POST");
                        return service.submit(
                                request,
                                PREFIX,
                                VideoRequests.openAi(request),
                                job -> json(job, job.at(service.context().clock().instant())));
                    }
                    String[] parts = rest.substring(1).split("/", -1);
                    if (parts.length == 1 && !parts[0].isEmpty()) {
                        BilledCall.requireMethod(request, "GET");
                        return service.lookup(request, PREFIX + "/{id}", parts[0], this::json);
                    }
                    if (parts.length == 2 && parts[1].equals("content")) {
                        BilledCall.requireMethod(request, "GET");
                        String variant = request.queryParam("variant").orElse("video");
                        if (!variant.equals("video")) {
                            throw new ApiErrorException(
                                    ApiError.invalidValue(
                                            "variant",
                                            "'"
                                                    + variant
                                                    + "' is not served by"
                                                    + " the mock; only 'video' is."));
                        }
                        return service.lookup(
                                request,
                                PREFIX + "/{id}/content",
                                parts[0],
                                OpenAiVideoRoutes::content);
                    }
                    throw new ApiErrorException(
                            ApiError.invalidUrl(request.method(), request.path()));
                });
    }

    private RouteResponse json(VideoJob job, VideoJob.State state) {
        ObjectNode video = JsonBody.JSON.createObjectNode();
        video.put("id", job.id());
        video.put("object", "video");
        video.put("model", job.model());
        video.put("status", state.status().wire());
        video.put("progress", state.progress());
        video.put("created_at", job.submitted().getEpochSecond());
        if (state.finishedAt() == null) {
            video.putNull("completed_at");
            video.putNull("expires_at");
        } else {
            video.put("completed_at", state.finishedAt().getEpochSecond());
            video.put("expires_at", state.finishedAt().plus(EXPIRY).getEpochSecond());
        }
        video.put("prompt", job.prompt());
        video.put("size", job.size());
        video.put("seconds", Integer.toString(job.seconds()));
        video.putNull("remixed_from_video_id");
        if (state.status() == VideoJob.Status.FAILED) {
            ObjectNode error = video.putObject("error");
            error.put("code", "video_generation_failed");
            error.put("message", "The video could not be generated (injected by x-mock-fault).");
        } else {
            video.putNull("error");
        }
        Map<String, String> headers =
                state.status().terminal()
                        ? Map.of()
                        : Map.of("openai-poll-after-ms", Long.toString(POLL_AFTER_MILLIS));
        return new RouteResponse(
                200,
                RouteResponse.JSON,
                headers,
                video.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RouteResponse content(VideoJob job, VideoJob.State state) {
        return switch (state.status()) {
            case COMPLETED -> new RouteResponse(200, "video/mp4", Map.of(), SampleVideo.MP4);
            case FAILED ->
                    RouteResponse.error(
                            new ApiError(
                                    409,
                                    "Video '" + job.id() + "' failed; it has no content.",
                                    ApiError.INVALID_REQUEST,
                                    null,
                                    "video_failed",
                                    Map.of()));
            default ->
                    RouteResponse.error(
                            new ApiError(
                                    409,
                                    "Video '"
                                            + job.id()
                                            + "' is "
                                            + state.status().wire()
                                            + " ("
                                            + state.progress()
                                            + "%); its content is available once it is completed.",
                                    ApiError.INVALID_REQUEST,
                                    null,
                                    "video_not_ready",
                                    Map.of(
                                            "openai-poll-after-ms",
                                            Long.toString(POLL_AFTER_MILLIS))));
        };
    }
}

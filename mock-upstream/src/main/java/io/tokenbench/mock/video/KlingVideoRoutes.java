package io.tokenbench.mock.video;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Kling task routes new-api serves: {@code POST /kling/v1/videos/text2video} (JSON: {@code
 * prompt} required, {@code model_name} default {@value #DEFAULT_MODEL}, {@code duration} {@code
 * "5"} or {@code "10"}, {@code aspect_ratio} {@code 16:9}, {@code 9:16} or {@code 1:1}) and {@code
 * GET /kling/v1/videos/text2video/{task_id}}, answering Kling's envelope {@code
 * {"code":0,"message":"SUCCEED","request_id",...,"data":{"task_id","task_status",...}}} with {@code
 * task_status} {@code submitted → processing → succeed | failed}. The finished video's URL is
 * {@code /v1/videos/{task_id}/content} on the mock (authenticated, as in new-api).
 */
public final class KlingVideoRoutes extends MountedRouteGroup {

    public static final String PREFIX = "/kling/v1/videos";
    public static final String TEXT2VIDEO = PREFIX + "/text2video";
    static final String DEFAULT_MODEL = "kling-v1";
    private static final Map<String, String> SIZES =
            Map.of("16:9", "1280x720", "9:16", "720x1280", "1:1", "720x720");
    private final VideoService service;

    KlingVideoRoutes(VideoService service) {
        super(PREFIX, Access.PUBLIC);
        this.service = service;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        return BilledCall.guarded(
                service.context(),
                () -> {
                    if (request.path().equals(TEXT2VIDEO)) {
                        BilledCall.requireMethod(request, "POST");
                        return service.submit(
                                request,
                                TEXT2VIDEO,
                                submission(request),
                                job ->
                                        envelope(
                                                request,
                                                job,
                                                job.at(service.context().clock().instant())));
                    }
                    if (request.path().startsWith(TEXT2VIDEO + "/")
                            && request.path().indexOf('/', TEXT2VIDEO.length() + 1) < 0) {
                        BilledCall.requireMethod(request, "GET");
                        String id = request.path().substring(TEXT2VIDEO.length() + 1);
                        return service.lookup(
                                request,
                                TEXT2VIDEO + "/{task_id}",
                                id,
                                (job, state) -> envelope(request, job, state));
                    }
                    throw new ApiErrorException(
                            ApiError.invalidUrl(request.method(), request.path()));
                });
    }

    private static VideoService.Submission submission(RouteRequest request) {
        JsonBody body = JsonBody.parse(request.body());
        String prompt = body.requiredString("prompt");
        if (prompt.isBlank()) {
            throw new ApiErrorException(
                    ApiError.invalidValue("prompt", "the prompt must not be empty."));
        }
        String model = body.optionalString("model_name").orElse(DEFAULT_MODEL);
        String duration = body.node("duration") == null ? "5" : body.node("duration").asText();
        if (!duration.equals("5") && !duration.equals("10")) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "duration",
                            "'"
                                    + duration
                                    + "' is not supported; supported values are '5' and '10'."));
        }
        String ratio = body.optionalString("aspect_ratio").orElse("16:9");
        String size = SIZES.get(ratio);
        if (size == null) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "aspect_ratio",
                            "'"
                                    + ratio
                                    + "' is not supported; supported values are 16:9, 9:16, 1:1."));
        }
        return new VideoService.Submission(model, prompt, size, Integer.parseInt(duration));
    }

    private static RouteResponse envelope(
            RouteRequest request, VideoJob job, VideoJob.State state) {
        ObjectNode root = JsonBody.JSON.createObjectNode();
        root.put("code", 0);
        root.put("message", "SUCCEED");
        root.put("request_id", request.requestId());
        ObjectNode data = root.putObject("data");
        data.put("task_id", job.id());
        data.put(
                "task_status",
                switch (state.status()) {
                    case QUEUED -> "submitted";
                    case IN_PROGRESS -> "processing";
                    case COMPLETED -> "succeed";
                    case FAILED -> "failed";
                });
        data.put(
                "task_status_msg",
                state.status() == VideoJob.Status.FAILED ? "injected by x-mock-fault" : "");
        long createdMillis = job.submitted().toEpochMilli();
        data.put("created_at", createdMillis);
        data.put(
                "updated_at",
                state.finishedAt() == null ? createdMillis : state.finishedAt().toEpochMilli());
        if (state.status() == VideoJob.Status.COMPLETED) {
            String host = request.header().apply("host");
            ArrayNode videos = data.putObject("task_result").putArray("videos");
            ObjectNode video = videos.addObject();
            video.put("id", job.id());
            video.put(
                    "url",
                    "http://"
                            + (host == null ? "127.0.0.1" : host)
                            + OpenAiVideoRoutes.PREFIX
                            + "/"
                            + job.id()
                            + "/content");
            video.put("duration", Integer.toString(job.seconds()));
        }
        return new RouteResponse(
                200,
                RouteResponse.JSON,
                Map.of(),
                root.toString().getBytes(StandardCharsets.UTF_8));
    }
}

package io.tokenbench.mock.audio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.media.MediaFaults;
import io.tokenbench.mock.media.Multipart;
import io.tokenbench.mock.media.Timing;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /v1/audio/transcriptions}: a {@code multipart/form-data} body with {@code file} (a
 * WAV file of at most {@value #MAX_FILE_BYTES} bytes; larger is 413, other formats are 400 because
 * the mock reads only WAV durations) and {@code model}; {@code response_format} {@code json}
 * (default), {@code verbose_json}, {@code text}, {@code srt}, {@code vtt} (the last three {@code
 * text/plain}). Billed the file's duration in seconds; answered after the processing time {@code
 * audio seconds / rtf}.
 */
final class TranscriptionRoutes {

    /** Longest audio transcribed (3 h; OpenAI's own limit is far lower). */
    static final long MAX_AUDIO_SECONDS = 3 * 3600;

    static final String ENDPOINT = "/v1/audio/transcriptions";
    static final int MAX_FILE_BYTES = 25 * 1024 * 1024;
    private static final Set<String> FORMATS = Set.of("json", "verbose_json", "text", "srt", "vtt");
    private final MediaContext context;

    TranscriptionRoutes(MediaContext context) {
        this.context = context;
    }

    RouteResponse handle(RouteRequest request) {
        Multipart form = Multipart.parse(request.header().apply("content-type"), request.body());
        String modelId = form.field("model");
        if (modelId == null) {
            throw new ApiErrorException(ApiError.missingParameter("model"));
        }
        CatalogModel model = BilledCall.model(context, modelId, ModelKind.TRANSCRIPTION);
        Multipart.Part file = form.parts().get("file");
        if (file == null) {
            throw new ApiErrorException(ApiError.missingParameter("file"));
        }
        if (file.bytes().length > MAX_FILE_BYTES) {
            throw new ApiErrorException(
                    new ApiError(
                            413,
                            "Maximum content size limit ("
                                    + MAX_FILE_BYTES
                                    + ") exceeded ("
                                    + file.bytes().length
                                    + " bytes read).",
                            ApiError.INVALID_REQUEST,
                            "file",
                            "request_too_large",
                            Map.of()));
        }
        double seconds =
                WavAudio.durationSeconds(file.bytes())
                        .orElseThrow(
                                () ->
                                        new ApiErrorException(
                                                ApiError.invalidValue(
                                                        "file",
                                                        "the mock can only read WAV (RIFF/WAVE PCM) audio; '"
                                                                + file.filename()
                                                                + "' is not a readable WAV file.")));
        if (seconds > MAX_AUDIO_SECONDS) {
            // A forged byte rate makes a tiny file hours long; the transcript would be huge.
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "file",
                            "the audio is "
                                    + Math.round(seconds)
                                    + " s long; the mock transcribes at most "
                                    + MAX_AUDIO_SECONDS
                                    + " s."));
        }
        String format = Objects.requireNonNullElse(form.field("response_format"), "json");
        if (!FORMATS.contains(format)) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "response_format",
                            "'"
                                    + format
                                    + "' is not supported;"
                                    + " supported values are json, srt, text, verbose_json, vtt."));
        }
        String language = Objects.requireNonNullElse(form.field("language"), "en");
        return BilledCall.run(
                context,
                request,
                ENDPOINT,
                model.id(),
                0,
                MediaFaults.COMPLETE_BODY,
                call ->
                        new BilledCall.Outcome(
                                render(
                                        format,
                                        seconds,
                                        language,
                                        RequestSeed.mix(context.seed() ^ file.bytes().length)),
                                new Settlement.Usage(0, 0, 0, seconds),
                                Timing.after(call.plan().transcriptionDelayNanos(seconds))));
    }

    private static RouteResponse render(String format, double seconds, String language, long seed) {
        List<TranscriptText.Segment> segments = TranscriptText.segments(seconds, seed);
        String text = TranscriptText.text(segments);
        return switch (format) {
            case "text" -> plain(text + "\n");
            case "srt" -> plain(TranscriptText.srt(segments));
            case "vtt" -> plain(TranscriptText.vtt(segments));
            default ->
                    BilledCall.ok(
                            json(format.equals("verbose_json"), text, segments, seconds, language));
        };
    }

    private static byte[] json(
            boolean verbose,
            String text,
            List<TranscriptText.Segment> segments,
            double seconds,
            String language) {
        ObjectNode root = JsonBody.JSON.createObjectNode();
        if (verbose) {
            root.put("task", "transcribe");
            root.put("language", language);
            root.put("duration", seconds);
        }
        root.put("text", text);
        if (verbose) {
            ArrayNode list = root.putArray("segments");
            for (TranscriptText.Segment s : segments) {
                ObjectNode segment = list.addObject();
                segment.put("id", s.id());
                segment.put("seek", (int) Math.round(s.start() * 100));
                segment.put("start", s.start());
                segment.put("end", s.end());
                segment.put("text", " " + s.text());
                segment.putArray("tokens");
                segment.put("temperature", 0.0);
                segment.put("avg_logprob", -0.2);
                segment.put("compression_ratio", 1.2);
                segment.put("no_speech_prob", 0.01);
            }
        }
        ObjectNode usage = root.putObject("usage");
        usage.put("type", "duration");
        usage.put("seconds", (long) Math.ceil(seconds));
        try {
            return JsonBody.JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RouteResponse plain(String text) {
        return new RouteResponse(
                200, "text/plain; charset=utf-8", Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }
}

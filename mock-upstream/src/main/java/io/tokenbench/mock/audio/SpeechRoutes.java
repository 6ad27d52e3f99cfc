package io.tokenbench.mock.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.admin.RouteRequest;
import io.tokenbench.mock.admin.RouteResponse;
import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/audio/speech}: {@code model}, {@code input} (1..4096 chars), {@code voice} (a name or
 * {@code {"id": ...}}) required; {@code response_format} {@code wav} or {@code pcm} ({@code mp3},
 * {@code opus}, {@code aac}, {@code flac} are 400: the mock has no encoder for them; the default is
 * therefore {@code wav}, not OpenAI's {@code mp3}); {@code speed} 0.25..4; {@code stream_format}
 * {@code audio} (raw bytes) or {@code sse}. Billed {@link SpeechDuration} seconds (and
 * {@code ceil(chars / 4)} input tokens).
 */
final class SpeechRoutes {

    static final String ENDPOINT = "/v1/audio/speech";
    static final int MAX_INPUT_CHARS = 4096;
    /** Bytes of PCM per {@code speech.audio.delta} event (0.25 s). */
    static final int SSE_CHUNK_BYTES = WavAudio.SAMPLE_RATE / 2;
    private static final Set<String> FORMATS = Set.of("wav", "pcm", "mp3", "opus", "aac", "flac");
    private final MediaContext context;

    SpeechRoutes(MediaContext context) {
        this.context = context;
    }

    RouteResponse handle(RouteRequest request) {
        JsonBody body = JsonBody.parse(request.body());
        CatalogModel model = BilledCall.model(context, body.requiredString("model"), ModelKind.SPEECH);
        String input = body.requiredString("input");
        if (input.isEmpty() || input.length() > MAX_INPUT_CHARS) {
            throw new ApiErrorException(ApiError.invalidValue("input", "must be 1 to " + MAX_INPUT_CHARS
                    + " characters."));
        }
        JsonNode voice = body.node("voice");
        if (voice == null) {
            throw new ApiErrorException(ApiError.missingParameter("voice"));
        }
        if (!voice.isTextual() && !(voice.isObject() && voice.path("id").isTextual())) {
            throw new ApiErrorException(ApiError.invalidType("voice", "a string or {\"id\": string}",
                    voice.getNodeType().name().toLowerCase()));
        }
        String format = body.oneOf("response_format", FORMATS, "wav");
        if (!format.equals("wav") && !format.equals("pcm")) {
            throw new ApiErrorException(ApiError.invalidValue("response_format", "'" + format + "' is not"
                    + " supported by the mock (no encoder); use wav or pcm."));
        }
        double speed = body.optionalNumber("speed", 0.25, 4.0).orElse(1.0);
        boolean sse = body.oneOf("stream_format", Set.of("audio", "sse"), "audio").equals("sse");
        double seconds = SpeechDuration.seconds(input, speed);
        int inputTokens = (input.codePointCount(0, input.length()) + 3) / 4;
        return BilledCall.run(context, request, ENDPOINT, model.id(), inputTokens, () -> {
            byte[] pcm = WavAudio.pcm(seconds, RequestSeed.mix(context.seed() ^ input.hashCode()));
            RouteResponse response = sse ? sse(format.equals("wav") ? WavAudio.wav(pcm) : pcm, inputTokens, pcm)
                    : format.equals("wav") ? new RouteResponse(200, "audio/wav", Map.of(), WavAudio.wav(pcm))
                    : new RouteResponse(200, "audio/pcm", Map.of(), pcm);
            return new BilledCall.Outcome(response, new Settlement.Usage(inputTokens, 0, 0, seconds));
        });
    }

    /** The audio as base64 deltas of {@value #SSE_CHUNK_BYTES} bytes, then {@code speech.audio.done}. */
    private static RouteResponse sse(byte[] audio, int inputTokens, byte[] pcm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(audio.length * 4 / 3 + 256);
        for (int at = 0; at < audio.length; at += SSE_CHUNK_BYTES) {
            ObjectNode delta = JsonBody.JSON.createObjectNode();
            delta.put("type", "speech.audio.delta");
            delta.put("audio", Base64.getEncoder().encodeToString(
                    Arrays.copyOfRange(audio, at, Math.min(audio.length, at + SSE_CHUNK_BYTES))));
            event(out, delta);
        }
        ObjectNode done = JsonBody.JSON.createObjectNode();
        done.put("type", "speech.audio.done");
        ObjectNode usage = done.putObject("usage");
        int outputTokens = (int) Math.round(pcm.length / 2.0 / WavAudio.SAMPLE_RATE * 50);
        usage.put("input_tokens", inputTokens);
        usage.put("output_tokens", outputTokens);
        usage.put("total_tokens", inputTokens + outputTokens);
        event(out, done);
        return new RouteResponse(200, "text/event-stream", Map.of("cache-control", "no-cache"), out.toByteArray());
    }

    private static void event(ByteArrayOutputStream out, ObjectNode event) {
        out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(event.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
    }
}

package io.tokenbench.mock.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.media.MediaFaults;
import io.tokenbench.mock.media.Timing;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/audio/speech}: {@code model}, {@code input} (1..4096 chars), {@code voice} (a
 * name or {@code {"id": ...}}) required; {@code response_format} {@code wav} or {@code pcm} ({@code
 * mp3}, {@code opus}, {@code aac}, {@code flac} are 400: the mock has no encoder for them; the
 * default is therefore {@code wav}, not OpenAI's {@code mp3}); {@code speed} 0.25..4; {@code
 * stream_format} {@code audio} (raw bytes) or {@code sse}. Billed {@link SpeechDuration} seconds
 * (and {@code ceil(chars / 4)} input tokens). Sent chunked, 0.25 s of audio per chunk (one event
 * per chunk for SSE): the first after the time to first audio chunk, the next at the speech
 * real-time factor's pace.
 */
final class SpeechRoutes {

    static final String ENDPOINT = "/v1/audio/speech";
    static final int MAX_INPUT_CHARS = 4096;

    /** Bytes of PCM per {@code speech.audio.delta} event (0.25 s). */
    static final int SSE_CHUNK_BYTES = WavAudio.SAMPLE_RATE / 2;

    private static final double BYTES_PER_SECOND = WavAudio.SAMPLE_RATE * 2.0;
    private static final Set<String> FORMATS = Set.of("wav", "pcm", "mp3", "opus", "aac", "flac");
    private final MediaContext context;

    SpeechRoutes(MediaContext context) {
        this.context = context;
    }

    RouteResponse handle(RouteRequest request) {
        JsonBody body = JsonBody.parse(request.body());
        CatalogModel model =
                BilledCall.model(context, body.requiredString("model"), ModelKind.SPEECH);
        String input = body.requiredString("input");
        if (input.isEmpty() || input.length() > MAX_INPUT_CHARS) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "input", "must be 1 to " + MAX_INPUT_CHARS + " characters."));
        }
        JsonNode voice = body.node("voice");
        if (voice == null) {
            throw new ApiErrorException(ApiError.missingParameter("voice"));
        }
        if (!voice.isTextual() && !(voice.isObject() && voice.path("id").isTextual())) {
            throw new ApiErrorException(
                    ApiError.invalidType(
                            "voice",
                            "a string or {\"id\": string}",
                            voice.getNodeType().name().toLowerCase()));
        }
        String format = body.oneOf("response_format", FORMATS, "wav");
        if (!format.equals("wav") && !format.equals("pcm")) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "response_format",
                            "'"
                                    + format
                                    + "' is not"
                                    + " supported by the mock (no encoder); use wav or pcm."));
        }
        double speed = body.optionalNumber("speed", 0.25, 4.0).orElse(1.0);
        boolean sse = body.oneOf("stream_format", Set.of("audio", "sse"), "audio").equals("sse");
        double seconds = SpeechDuration.seconds(input, speed);
        int inputTokens = (input.codePointCount(0, input.length()) + 3) / 4;
        boolean wav = format.equals("wav");
        return BilledCall.run(
                context,
                request,
                ENDPOINT,
                model.id(),
                inputTokens,
                sse ? MediaFaults.EVENT_STREAM : MediaFaults.AUDIO_STREAM,
                call -> {
                    byte[] pcm =
                            WavAudio.pcm(
                                    seconds, RequestSeed.mix(context.seed() ^ input.hashCode()));
                    byte[] audio = wav ? WavAudio.wav(pcm) : pcm;
                    Optional<Fault> fault = call.fault().map(FaultSpec::fault);
                    Chunked chunked =
                            sse
                                    ? sse(audio, inputTokens, pcm, fault.orElse(null))
                                    : raw(audio, wav);
                    RouteResponse response =
                            new RouteResponse(
                                    200,
                                    sse ? "text/event-stream" : wav ? "audio/wav" : "audio/pcm",
                                    sse ? Map.of("cache-control", "no-cache") : Map.of(),
                                    chunked.body());
                    return new BilledCall.Outcome(
                            response,
                            new Settlement.Usage(inputTokens, 0, 0, seconds),
                            new Timing(
                                    call.plan().speechTtfaNanos(),
                                    chunked.partEnds(),
                                    call.plan().speechGapsNanos(chunked.audioSeconds())));
                });
    }

    /** A body cut into chunks, and the seconds of audio each chunk carries. */
    private record Chunked(byte[] body, int[] partEnds, double[] audioSeconds) {}

    /**
     * Raw audio in chunks of {@value #SSE_CHUNK_BYTES} bytes of PCM; a WAV header goes with the
     * first.
     */
    private static Chunked raw(byte[] audio, boolean wav) {
        int header = wav ? WavAudio.HEADER_BYTES : 0;
        int chunks = Math.max(1, (audio.length - header + SSE_CHUNK_BYTES - 1) / SSE_CHUNK_BYTES);
        int[] ends = new int[chunks];
        double[] seconds = new double[chunks];
        for (int i = 0; i < chunks; i++) {
            ends[i] = Math.min(audio.length, header + (i + 1) * SSE_CHUNK_BYTES);
            seconds[i] = (ends[i] - Math.max(header, i == 0 ? 0 : ends[i - 1])) / BYTES_PER_SECOND;
        }
        return new Chunked(audio, ends, seconds);
    }

    /**
     * The audio as base64 deltas of {@value #SSE_CHUNK_BYTES} bytes, one event per chunk, then
     * {@code speech.audio.done} (with {@code usage}) in the last chunk: the stream's end marker,
     * left out for {@code missing_done}; its {@code usage} left out for {@code usage_missing}.
     */
    private static Chunked sse(byte[] audio, int inputTokens, byte[] pcm, Fault fault) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(audio.length * 4 / 3 + 256);
        int chunks = Math.max(1, (audio.length + SSE_CHUNK_BYTES - 1) / SSE_CHUNK_BYTES);
        int[] ends = new int[chunks];
        double[] seconds = new double[chunks];
        for (int i = 0; i < chunks; i++) {
            int at = i * SSE_CHUNK_BYTES;
            int end = Math.min(audio.length, at + SSE_CHUNK_BYTES);
            ObjectNode delta = JsonBody.JSON.createObjectNode();
            delta.put("type", "speech.audio.delta");
            delta.put(
                    "audio",
                    Base64.getEncoder().encodeToString(Arrays.copyOfRange(audio, at, end)));
            event(out, delta);
            ends[i] = out.size();
            seconds[i] = (end - at) / BYTES_PER_SECOND;
        }
        if (fault == Fault.MISSING_DONE) {
            return new Chunked(out.toByteArray(), ends, seconds);
        }
        ObjectNode done = JsonBody.JSON.createObjectNode();
        done.put("type", "speech.audio.done");
        if (fault != Fault.USAGE_MISSING) {
            ObjectNode usage = done.putObject("usage");
            int outputTokens = (int) Math.round(pcm.length / 2.0 / WavAudio.SAMPLE_RATE * 50);
            usage.put("input_tokens", inputTokens);
            usage.put("output_tokens", outputTokens);
            usage.put("total_tokens", inputTokens + outputTokens);
        }
        event(out, done);
        ends[chunks - 1] = out.size();
        return new Chunked(out.toByteArray(), ends, seconds);
    }

    private static void event(ByteArrayOutputStream out, ObjectNode event) {
        out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(event.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
    }
}

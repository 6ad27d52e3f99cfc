package io.tokenbench.simulations.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.feeders.PromptSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request bodies of the mixed scenario's media calls, text taken from the run's prompt set
 * (request {@code i} uses prompt {@code i}, as chat does). Models and sizes are the OpenAI names
 * the mock's catalog serves. The transcription upload is one WAV built once ({@link WavTone}), sent
 * as multipart.
 *
 * @param prompts the run's prompts
 * @param embeddingsModel model of {@code /v1/embeddings}
 * @param imagesModel model of {@code /v1/images/generations}
 * @param imageSize image size, e.g. {@code 256x256}
 * @param speechModel model of {@code /v1/audio/speech}
 * @param speechChars longest speech input in characters (the mock speaks 15 characters a second)
 * @param transcriptionModel model of {@code /v1/audio/transcriptions}
 * @param upload the WAV sent for transcription
 * @param videoModel model of {@code /v1/videos}
 * @param videoSeconds requested video length ({@code "4"}, {@code "8"}, {@code "12"})
 */
public record MediaRequests(
        PromptSet prompts,
        String embeddingsModel,
        String imagesModel,
        String imageSize,
        String speechModel,
        int speechChars,
        String transcriptionModel,
        Multipart upload,
        long uploadAudioNanos,
        String videoModel,
        String videoSeconds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Speech is requested as {@code pcm}: 16-bit mono at 24 kHz. */
    public static final int SPEECH_PCM_BYTES_PER_SECOND = 48_000;

    /** Length of the transcription upload. */
    public static final Duration UPLOAD_LENGTH = Duration.ofSeconds(3);

    /**
     * The defaults: OpenAI model names, 256x256 images, up to 10 s of speech, 3 s of audio, 4 s
     * videos.
     */
    public static MediaRequests defaults(PromptSet prompts) {
        byte[] wav = WavTone.of(UPLOAD_LENGTH, 16_000, 440.0);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("model", "whisper-1");
        fields.put("response_format", "json");
        return new MediaRequests(
                prompts,
                "text-embedding-3-small",
                "gpt-image-1",
                "256x256",
                "tts-1",
                150,
                "whisper-1",
                Multipart.of(fields, "file", "tone.wav", "audio/wav", wav),
                WavTone.durationNanos(wav),
                "sora-2",
                "4");
    }

    public byte[] embeddings(long i) {
        ObjectNode b =
                JSON.createObjectNode()
                        .put("model", embeddingsModel)
                        .put("input", prompts.prompt(i))
                        .put("encoding_format", "base64");
        return bytes(b);
    }

    public byte[] images(long i) {
        ObjectNode b =
                JSON.createObjectNode()
                        .put("model", imagesModel)
                        .put("prompt", prompts.prompt(i))
                        .put("n", 1)
                        .put("size", imageSize)
                        .put("response_format", "b64_json");
        return bytes(b);
    }

    public byte[] speech(long i) {
        String text = prompts.prompt(i);
        ObjectNode b =
                JSON.createObjectNode()
                        .put("model", speechModel)
                        .put(
                                "input",
                                text.length() > speechChars ? text.substring(0, speechChars) : text)
                        .put("voice", "alloy")
                        .put("response_format", "pcm")
                        .put("stream_format", "sse");
        return bytes(b);
    }

    /** The model a media class's requests name. */
    public String model(io.tokenbench.reports.record.EndpointClass endpoint) {
        return switch (endpoint) {
            case EMBEDDINGS -> embeddingsModel;
            case IMAGES -> imagesModel;
            case SPEECH -> speechModel;
            case TRANSCRIPTION -> transcriptionModel;
            case VIDEO -> videoModel;
            case CHAT -> throw new IllegalArgumentException("chat bodies are ChatBodies'");
        };
    }

    /** Seconds of the requested video. */
    public int videoSecondsValue() {
        return Integer.parseInt(videoSeconds);
    }

    public byte[] video(long i) {
        ObjectNode b =
                JSON.createObjectNode()
                        .put("model", videoModel)
                        .put("prompt", prompts.prompt(i))
                        .put("seconds", videoSeconds)
                        .put("size", "720x1280");
        return bytes(b);
    }

    private static byte[] bytes(ObjectNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package io.tokenbench.mock.behavior;

import java.util.Objects;
import java.util.Optional;

/**
 * How the emulated media models take their time (ENDPOINTS.md, "Latency model"). Durations are in
 * nanoseconds; real-time factors are counts where a draw of 0 means "no time at all". Immutable;
 * part of {@link Behavior}, so {@code PUT /admin/config} swaps it with the rest.
 *
 * @param embeddingsLatency per embeddings request
 * @param embeddingsItemLatency added once per input item (drawn once per request)
 * @param imageLatency per generated image; a request waits the sum over its {@code n} images
 * @param transcriptionRtf audio seconds processed per second: processing time = audio seconds / rtf
 * @param speechTtfa time to the first audio chunk
 * @param speechRtf audio seconds produced per second: the gap after a chunk of c seconds is c / rtf
 * @param videoQueue how long a video job stays {@code queued}
 * @param videoRenderPerSecond how long a job stays {@code in_progress}, per second of video
 * @param videoAccept how long a video submission takes to be answered (submit → accepted); response
 *     latency, unlike the job phases
 */
public record MediaBehavior(
        Dist embeddingsLatency,
        Dist embeddingsItemLatency,
        Dist imageLatency,
        Dist transcriptionRtf,
        Dist speechTtfa,
        Dist speechRtf,
        Dist videoQueue,
        Dist videoRenderPerSecond,
        Dist videoAccept) {

    /** The one home of the media defaults: realistic but modest. */
    public static final MediaBehavior DEFAULT =
            new MediaBehavior(
                    DistParser.durations("30ms"),
                    DistParser.durations("0.5ms"),
                    DistParser.durations("1500ms"),
                    DistParser.counts("20"),
                    DistParser.durations("200ms"),
                    DistParser.counts("10"),
                    DistParser.durations("5s"),
                    DistParser.durations("10s"),
                    DistParser.durations("300ms"));

    /**
     * Every answer at once (tests and throughput runs of the mock itself), video submissions
     * included. Video job phases keep their defaults: they are job time on the mock's clock, which
     * tests advance by hand, not response latency.
     */
    public static final MediaBehavior NO_LATENCY =
            new MediaBehavior(
                    DistParser.durations("0ms"),
                    DistParser.durations("0ms"),
                    DistParser.durations("0ms"),
                    DistParser.counts("0"),
                    DistParser.durations("0ms"),
                    DistParser.counts("0"),
                    DEFAULT.videoQueue(),
                    DEFAULT.videoRenderPerSecond(),
                    DistParser.durations("0ms"));

    public MediaBehavior {
        Objects.requireNonNull(embeddingsLatency, "embeddingsLatency");
        Objects.requireNonNull(embeddingsItemLatency, "embeddingsItemLatency");
        Objects.requireNonNull(imageLatency, "imageLatency");
        Objects.requireNonNull(transcriptionRtf, "transcriptionRtf");
        Objects.requireNonNull(speechTtfa, "speechTtfa");
        Objects.requireNonNull(speechRtf, "speechRtf");
        Objects.requireNonNull(videoQueue, "videoQueue");
        Objects.requireNonNull(videoRenderPerSecond, "videoRenderPerSecond");
        Objects.requireNonNull(videoAccept, "videoAccept");
    }

    /**
     * The model without a {@code video_accept} of its own: submissions take the default's (for
     * callers written before that field existed).
     */
    public MediaBehavior(
            Dist embeddingsLatency,
            Dist embeddingsItemLatency,
            Dist imageLatency,
            Dist transcriptionRtf,
            Dist speechTtfa,
            Dist speechRtf,
            Dist videoQueue,
            Dist videoRenderPerSecond) {
        this(
                embeddingsLatency,
                embeddingsItemLatency,
                imageLatency,
                transcriptionRtf,
                speechTtfa,
                speechRtf,
                videoQueue,
                videoRenderPerSecond,
                DEFAULT.videoAccept());
    }

    /**
     * The settings by their {@code PUT /admin/config} {@code media} field names, in display order.
     */
    public enum Field {
        EMBEDDINGS_LATENCY("embeddings_latency", "--embeddings-latency", true),
        EMBEDDINGS_ITEM_LATENCY("embeddings_item_latency", "--embeddings-item-latency", true),
        IMAGE_LATENCY("image_latency", "--image-latency", true),
        TRANSCRIPTION_RTF("transcription_rtf", "--transcription-rtf", false),
        SPEECH_TTFA("speech_ttfa", "--speech-ttfa", true),
        SPEECH_RTF("speech_rtf", "--speech-rtf", false),
        VIDEO_QUEUE("video_queue", "--video-queue", true),
        VIDEO_RENDER("video_render", "--video-render", true),
        VIDEO_ACCEPT("video_accept", "--video-accept", true);

        private final String jsonName;
        private final String option;
        private final boolean duration;

        Field(String jsonName, String option, boolean duration) {
            this.jsonName = jsonName;
            this.option = option;
            this.duration = duration;
        }

        public String jsonName() {
            return jsonName;
        }

        /** The command-line option that sets it. */
        public String option() {
            return option;
        }

        /** Parses a DIST for this field (durations need a unit; factors have none). */
        public Dist parse(String text) {
            return duration ? DistParser.durations(text) : DistParser.counts(text);
        }

        public static Optional<Field> byOption(String option) {
            for (Field f : values()) {
                if (f.option.equals(option)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        public static Optional<Field> byJsonName(String name) {
            for (Field f : values()) {
                if (f.jsonName.equals(name)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public Dist get(Field field) {
        return switch (field) {
            case EMBEDDINGS_LATENCY -> embeddingsLatency;
            case EMBEDDINGS_ITEM_LATENCY -> embeddingsItemLatency;
            case IMAGE_LATENCY -> imageLatency;
            case TRANSCRIPTION_RTF -> transcriptionRtf;
            case SPEECH_TTFA -> speechTtfa;
            case SPEECH_RTF -> speechRtf;
            case VIDEO_QUEUE -> videoQueue;
            case VIDEO_RENDER -> videoRenderPerSecond;
            case VIDEO_ACCEPT -> videoAccept;
        };
    }

    /** A copy with {@code field} set to {@code value}. */
    public MediaBehavior with(Field field, Dist value) {
        Dist[] d = {
            embeddingsLatency,
            embeddingsItemLatency,
            imageLatency,
            transcriptionRtf,
            speechTtfa,
            speechRtf,
            videoQueue,
            videoRenderPerSecond,
            videoAccept
        };
        d[field.ordinal()] = Objects.requireNonNull(value, "value");
        return new MediaBehavior(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
    }
}

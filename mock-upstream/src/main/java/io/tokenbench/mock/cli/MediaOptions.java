package io.tokenbench.mock.cli;

import io.tokenbench.mock.behavior.Dist;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.behavior.MediaBehavior.Field;
import picocli.CommandLine.Option;

/**
 * The media latency options of {@link MockCommand} (one per {@link MediaBehavior.Field}, named by
 * {@link Field#option()}); an option not given keeps {@link MediaBehavior#DEFAULT}.
 */
final class MediaOptions {

    @Option(
            names = "--embeddings-latency",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "embeddings: delay per request (default ${DEFAULT-VALUE})")
    Dist embeddingsLatency;

    @Option(
            names = "--embeddings-item-latency",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "embeddings: delay added per input item (default ${DEFAULT-VALUE})")
    Dist embeddingsItemLatency;

    @Option(
            names = "--image-latency",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "images: delay per image, summed over n (default ${DEFAULT-VALUE})")
    Dist imageLatency;

    @Option(
            names = "--transcription-rtf",
            paramLabel = "DIST",
            converter = MockConverters.CountDist.class,
            description =
                    "transcriptions: processing = audio s / F, 0 = none"
                            + " (default ${DEFAULT-VALUE})")
    Dist transcriptionRtf;

    @Option(
            names = "--speech-ttfa",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "speech: time to first audio chunk (default ${DEFAULT-VALUE})")
    Dist speechTtfa;

    @Option(
            names = "--speech-rtf",
            paramLabel = "DIST",
            converter = MockConverters.CountDist.class,
            description =
                    "speech: real-time factor of 0.25 s chunks, 0 = no gaps"
                            + " (default ${DEFAULT-VALUE})")
    Dist speechRtf;

    @Option(
            names = "--video-queue",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "videos: time a job stays queued (mock clock) (default ${DEFAULT-VALUE})")
    Dist videoQueue;

    @Option(
            names = "--video-render",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description =
                    "videos: in_progress per video second (mock clock)"
                            + " (default ${DEFAULT-VALUE})")
    Dist videoRender;

    @Option(
            names = "--video-accept",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "videos: submit -> accepted answer delay (default ${DEFAULT-VALUE})")
    Dist videoAccept;

    /** {@link MediaBehavior#DEFAULT} with the options given. */
    MediaBehavior media() {
        MediaBehavior media = MediaBehavior.DEFAULT;
        media = with(media, Field.EMBEDDINGS_LATENCY, embeddingsLatency);
        media = with(media, Field.EMBEDDINGS_ITEM_LATENCY, embeddingsItemLatency);
        media = with(media, Field.IMAGE_LATENCY, imageLatency);
        media = with(media, Field.TRANSCRIPTION_RTF, transcriptionRtf);
        media = with(media, Field.SPEECH_TTFA, speechTtfa);
        media = with(media, Field.SPEECH_RTF, speechRtf);
        media = with(media, Field.VIDEO_QUEUE, videoQueue);
        media = with(media, Field.VIDEO_RENDER, videoRender);
        return with(media, Field.VIDEO_ACCEPT, videoAccept);
    }

    private static MediaBehavior with(MediaBehavior media, Field field, Dist value) {
        return value == null ? media : media.with(field, value);
    }
}

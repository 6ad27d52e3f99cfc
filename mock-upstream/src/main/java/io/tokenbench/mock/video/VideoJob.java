package io.tokenbench.mock.video;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One video job. Its state at instant {@code now} follows from when it was submitted: {@code
 * queued} for {@code queueTime}, then {@code in_progress} for {@code renderTime} (both drawn at
 * submission from the media latency model: by default 5 s, then 10 s per second of video, so a 12 s
 * video renders 2 minutes), then {@code completed}, or {@code failed} when the job was submitted to
 * fail.
 *
 * @param id {@code video_...}
 * @param model the model id
 * @param prompt the prompt
 * @param size for example {@code 720x1280}
 * @param seconds video length in seconds
 * @param submitted when it was submitted (emulator clock)
 * @param fails whether it ends {@code failed}
 * @param ownerKeyId the id of the key that submitted it (only that key sees it)
 * @param queueTime how long it stays {@code queued}
 * @param renderTime how long it then stays {@code in_progress}
 */
public record VideoJob(
        String id,
        String model,
        String prompt,
        String size,
        int seconds,
        Instant submitted,
        boolean fails,
        String ownerKeyId,
        Duration queueTime,
        Duration renderTime) {

    public VideoJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(ownerKeyId, "ownerKeyId");
        if (queueTime.isNegative() || renderTime.isNegative()) {
            throw new IllegalArgumentException("queue and render times must be >= 0");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds must be >= 1: " + seconds);
        }
    }

    /** Where a job stands. */
    public enum Status {
        QUEUED("queued"),
        IN_PROGRESS("in_progress"),
        COMPLETED("completed"),
        FAILED("failed");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public boolean terminal() {
            return this == COMPLETED || this == FAILED;
        }
    }

    /** The job at one instant: status and percent done (0..100). */
    public record State(Status status, int progress, Instant finishedAt) {}

    public State at(Instant now) {
        Duration elapsed = Duration.between(submitted, now);
        if (elapsed.compareTo(queueTime) < 0) {
            return new State(Status.QUEUED, 0, null);
        }
        Duration rendering = elapsed.minus(queueTime);
        if (rendering.compareTo(renderTime) < 0) {
            int progress = (int) (rendering.toNanos() * 100 / renderTime.toNanos());
            return new State(Status.IN_PROGRESS, Math.min(99, progress), null);
        }
        Instant finished = submitted.plus(queueTime).plus(renderTime);
        return new State(fails ? Status.FAILED : Status.COMPLETED, 100, finished);
    }
}

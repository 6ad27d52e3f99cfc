package io.tokenbench.simulations.chains;

import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.config.Endpoints;
import io.tokenbench.simulations.config.MediaPrice;
import io.tokenbench.simulations.media.MediaRequests;
import io.tokenbench.simulations.media.MediaResponses;
import io.tokenbench.simulations.stream.StepTrace;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A video job: {@code POST /v1/videos} (accepted when the job object comes back), then {@code GET
 * /v1/videos/{id}} after the {@code openai-poll-after-ms} the previous answer asked for (1 s when
 * absent), until {@code completed} or {@code failed}, then {@code GET /v1/videos/{id}/content}.
 * Recorded as a {@link JobTimeline}: t_started is the first poll that saw the job out of {@code
 * queued}, t_completed the poll that saw it completed, polls the status polls made. A failed job is
 * {@code stream_error_event} (the server reported the failure in-band); a job not completed and
 * downloaded within the video timeout is {@code timeout_idle}; a failed submit, poll or download
 * has that exchange's outcome. Credits: the catalog's per-second price times the requested video
 * seconds, for completed jobs (failed jobs are refunded).
 */
final class VideoFlow implements MediaFlow {
    static final long DEFAULT_POLL_NANOS = 1_000_000_000L;

    private final URI baseUrl;
    private final URI submitUrl;
    private final MediaRequests requests;
    private final long timeoutNanos;
    private final MediaPrice price;

    VideoFlow(URI baseUrl, MediaRequests requests, Duration timeout, MediaPrice price) {
        this.price = price;
        this.baseUrl = baseUrl;
        this.submitUrl = Endpoints.resolve(baseUrl, "videos");
        this.requests = requests;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void run(Exchanges ex, long index, long tSched, Consumer<MediaResult> done) {
        new Job(ex, tSched, done).submit(index);
    }

    /** One job's state; event-loop confined. */
    private final class Job {
        final Exchanges ex;
        final long tSched;
        final Consumer<MediaResult> done;
        long tSubmit = RequestTimeline.ABSENT;
        long tAccepted = RequestTimeline.ABSENT;
        long tStarted = RequestTimeline.ABSENT;
        long tCompleted = RequestTimeline.ABSENT;
        long polls;
        long retryAfterMillis = RequestTimeline.UNKNOWN;
        String id;

        Job(Exchanges ex, long tSched, Consumer<MediaResult> done) {
            this.ex = ex;
            this.tSched = tSched;
            this.done = done;
        }

        void submit(long index) {
            ex.post(
                    "video submit",
                    submitUrl,
                    "application/json",
                    requests.video(index),
                    "application/json",
                    new StepTrace(),
                    t -> {
                        tSubmit = t.sendNanos();
                        Optional<MediaResponses.Video> v =
                                t.completeOk()
                                        ? MediaResponses.video(t.bodyText())
                                        : Optional.empty();
                        Outcome o = t.outcome(v.isPresent());
                        if (!o.isSuccess()) {
                            retryAfterMillis = t.retryAfterMillis();
                            finish(o, t.status(), "submit");
                            return;
                        }
                        tAccepted = t.endNanos();
                        id = v.get().id();
                        next(v.get(), t);
                    });
        }

        void next(MediaResponses.Video v, StepTrace t) {
            if (!v.status().equals("queued") && tStarted == RequestTimeline.ABSENT) {
                tStarted = t.endNanos();
            }
            switch (v.status()) {
                case "completed" -> {
                    tCompleted = t.endNanos();
                    download();
                }
                case "failed" -> finish(Outcome.STREAM_ERROR_EVENT, t.status(), "job failed");
                default -> {
                    long delay =
                            t.pollAfterMillis() >= 0
                                    ? t.pollAfterMillis() * 1_000_000L
                                    : DEFAULT_POLL_NANOS;
                    if (System.nanoTime() + delay - tSubmit > timeoutNanos) {
                        finish(
                                Outcome.TIMEOUT_IDLE,
                                t.status(),
                                "not completed within the video timeout");
                    } else {
                        ex.schedule(delay, this::poll);
                    }
                }
            }
        }

        void poll() {
            polls++;
            ex.get(
                    "video poll",
                    Endpoints.resolve(baseUrl, "videos/" + id),
                    "application/json",
                    new StepTrace(),
                    t -> {
                        Optional<MediaResponses.Video> v =
                                t.completeOk()
                                        ? MediaResponses.video(t.bodyText())
                                        : Optional.empty();
                        Outcome o = t.outcome(v.isPresent());
                        if (!o.isSuccess()) {
                            retryAfterMillis = t.retryAfterMillis();
                            finish(o, t.status(), "poll");
                        } else {
                            next(v.get(), t);
                        }
                    });
        }

        void download() {
            ex.get(
                    "video content",
                    Endpoints.resolve(baseUrl, "videos/" + id + "/content"),
                    "video/mp4",
                    new StepTrace(),
                    t ->
                            finish(
                                    t.outcome(t.completeOk() && t.bodyBytes().length > 0),
                                    t.status(),
                                    "content"));
        }

        void finish(Outcome outcome, int status, String where) {
            long submit = tSubmit != RequestTimeline.ABSENT ? tSubmit : System.nanoTime();
            done.accept(
                    MediaResult.of(
                            new JobTimeline(
                                    tSched,
                                    submit,
                                    tAccepted,
                                    tStarted,
                                    tCompleted,
                                    polls,
                                    outcome,
                                    outcome.isSuccess()
                                            ? price.seconds(requests.videoSecondsValue())
                                            : 0,
                                    retryAfterMillis),
                            status,
                            outcome.isSuccess() ? "" : where));
        }
    }
}

package io.tokenbench.mock.video;

import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.media.MediaFaults;
import io.tokenbench.mock.media.Timing;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Submitting and looking up jobs for both route styles. A submission is admitted by the gate and
 * settled at once: a job that will complete is billed its video seconds, a job submitted to fail
 * (an in-response {@code x-mock-fault} or a randomly drawn one, such as {@code stream_error_event})
 * is refunded, as new-api refunds failed tasks. A resubmission with the same {@code
 * Idempotency-Key} (or {@code X-Request-Id}) header from the same key returns the first job and is
 * settled with no usage, so a job is never billed twice. Lookups are admitted and settled with no
 * usage; a job is visible only to the key that submitted it (404 otherwise).
 *
 * <p>A submission is answered after the {@code video_accept} delay ({@code x-mock-latency-ms}
 * replaces it), drawn after the job phases; the job exists and its phases run on the mock's clock
 * from the submission on. A client that goes away before any of the answer is written withdraws the
 * job: it is removed (its id and idempotency key are forgotten) and settled {@code
 * CLIENT_CANCELLED} with no usage, so a job is billed exactly when its submission was answered.
 */
final class VideoService {

    /** What a submission asks for, already validated. */
    record Submission(String model, String prompt, String size, int seconds) {}

    private final MediaContext context;
    private final VideoJobs jobs = new VideoJobs();

    VideoService(MediaContext context) {
        this.context = context;
    }

    MediaContext context() {
        return context;
    }

    /** Submits (or finds the idempotent twin of) a job and renders it with {@code render}. */
    RouteResponse submit(
            RouteRequest request,
            String endpoint,
            Submission submission,
            Function<VideoJob, RouteResponse> render) {
        BilledCall.model(context, submission.model(), ModelKind.VIDEO);
        String idempotencyKey =
                Optional.ofNullable(request.header().apply("idempotency-key"))
                        .orElse(request.header().apply("x-request-id"));
        return BilledCall.run(
                context,
                request,
                endpoint,
                submission.model(),
                0,
                MediaFaults.JOB_SUBMISSION,
                call -> {
                    Admission.Admitted admitted = call.admitted();
                    boolean fails =
                            call.fault()
                                    .filter(spec -> spec.fault().phase() == Fault.Phase.IN_RESPONSE)
                                    .isPresent();
                    if (idempotencyKey != null) {
                        Optional<VideoJob> twin =
                                jobs.byIdempotencyKey(admitted.keyId(), idempotencyKey);
                        if (twin.isPresent()) {
                            return new BilledCall.Outcome(
                                    render.apply(twin.get()),
                                    Settlement.Usage.NONE,
                                    Timing.after(call.plan().videoAcceptNanos()));
                        }
                    }
                    long[] phasesNanos = call.plan().videoPhasesNanos(submission.seconds());
                    VideoJob job =
                            new VideoJob(
                                    newId(),
                                    submission.model(),
                                    submission.prompt(),
                                    submission.size(),
                                    submission.seconds(),
                                    context.clock().instant(),
                                    fails,
                                    admitted.keyId(),
                                    Duration.ofNanos(phasesNanos[0]),
                                    Duration.ofNanos(phasesNanos[1]));
                    jobs.add(job, idempotencyKey);
                    return new BilledCall.Outcome(
                            render.apply(job),
                            fails
                                    ? Settlement.Usage.NONE
                                    : new Settlement.Usage(0, 0, 0, submission.seconds()),
                            Timing.after(call.plan().videoAcceptNanos()),
                            () -> jobs.remove(job));
                });
    }

    /** Looks job {@code id} up for the caller and renders it; unknown or foreign ids are 404. */
    RouteResponse lookup(
            RouteRequest request,
            String endpoint,
            String id,
            BiFunction<VideoJob, VideoJob.State, RouteResponse> render) {
        VideoJob known = jobs.find(id).orElseThrow(() -> notFound(id));
        return BilledCall.run(
                context,
                request,
                endpoint,
                known.model(),
                0,
                MediaFaults.LOOKUP,
                call -> {
                    if (!known.ownerKeyId().equals(call.admitted().keyId())) {
                        throw notFound(id);
                    }
                    return new BilledCall.Outcome(
                            render.apply(known, known.at(context.clock().instant())),
                            Settlement.Usage.NONE);
                });
    }

    static ApiErrorException notFound(String id) {
        return new ApiErrorException(
                new ApiError(
                        404,
                        "Video with id '" + id + "' not found.",
                        ApiError.INVALID_REQUEST,
                        null,
                        "video_not_found",
                        Map.of()));
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "video_" + HexFormat.of().formatHex(bytes);
    }
}

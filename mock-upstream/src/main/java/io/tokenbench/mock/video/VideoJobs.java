package io.tokenbench.mock.video;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The job store: jobs by id and by idempotency key (per submitting key), bounded to the {@value
 * #MAX_JOBS} newest jobs (older ids answer 404). Thread-safe (one monitor; every operation is a few
 * map steps).
 */
public final class VideoJobs {

    public static final int MAX_JOBS = 10_000;
    private final Map<String, VideoJob> byId = new LinkedHashMap<>();
    private final Map<String, String> idByIdempotencyKey = new HashMap<>();
    private final Map<String, String> idempotencyKeyById = new HashMap<>();

    /** The job submitted earlier under {@code idempotencyKey} by the same key, if any. */
    public synchronized Optional<VideoJob> byIdempotencyKey(
            String ownerKeyId, String idempotencyKey) {
        String id = idByIdempotencyKey.get(ownerKeyId + "\n" + idempotencyKey);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Stores a job; an idempotency key, when not null, maps to it from now on. */
    public synchronized void add(VideoJob job, String idempotencyKey) {
        byId.put(job.id(), job);
        if (idempotencyKey != null) {
            String scoped = job.ownerKeyId() + "\n" + idempotencyKey;
            idByIdempotencyKey.put(scoped, job.id());
            idempotencyKeyById.put(job.id(), scoped);
        }
        while (byId.size() > MAX_JOBS) {
            String eldest = byId.keySet().iterator().next();
            byId.remove(eldest);
            String scoped = idempotencyKeyById.remove(eldest);
            if (scoped != null) {
                idByIdempotencyKey.remove(scoped, eldest);
            }
        }
    }

    /** Forgets {@code job} and its idempotency key (a submission the client never received). */
    public synchronized void remove(VideoJob job) {
        if (byId.remove(job.id(), job)) {
            String scoped = idempotencyKeyById.remove(job.id());
            if (scoped != null) {
                idByIdempotencyKey.remove(scoped, job.id());
            }
        }
    }

    public synchronized Optional<VideoJob> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}

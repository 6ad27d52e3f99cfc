/**
 * Video generation jobs, new-api style as PowerTokens serves them: {@code POST /v1/videos} (JSON or
 * multipart), {@code GET /v1/videos/{id}}, {@code GET /v1/videos/{id}/content} (a small real MP4
 * resource), and the Kling task routes {@code POST /kling/v1/videos/text2video} and {@code GET
 * .../{task_id}}. A {@link io.tokenbench.mock.video.VideoJob}'s status and progress are a pure
 * function of the emulator clock ({@link io.tokenbench.mock.media.MediaContext#clock()}), so
 * advancing the clock runs a job; jobs live in a bounded {@link io.tokenbench.mock.video.VideoJobs}
 * store that also makes a resubmission with the same {@code Idempotency-Key} return the first job
 * instead of billing a second one.
 */
package io.tokenbench.mock.video;

/**
 * Audio endpoints: {@code POST /v1/audio/speech} (real 16-bit mono 24 kHz PCM, raw or in a WAV
 * container, or as {@code speech.audio.delta} SSE events; duration by {@link
 * io.tokenbench.mock.audio.SpeechDuration}) and {@code POST /v1/audio/transcriptions} (multipart
 * upload read by {@link io.tokenbench.mock.media.Multipart}, WAV duration read by {@link
 * io.tokenbench.mock.audio.WavAudio} for billing). Both are billed per audio second.
 */
package io.tokenbench.mock.audio;

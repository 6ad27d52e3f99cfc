package io.tokenbench.mock.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import com.openai.models.audio.transcriptions.TranscriptionVerbose;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.MediaFixture;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /v1/audio/transcriptions} driven by the official SDK (multipart upload of a real
 * WAV).
 */
@ExtendWith(NoLeaks.class)
class TranscriptionEndpointTest {

    private static final byte[] WAV_7_SECONDS = WavAudio.wav(WavAudio.pcm(7.0, 1));
    @RegisterExtension static final MediaFixture fixture = new MediaFixture();

    private static TranscriptionCreateResponse transcribe(AudioResponseFormat format) {
        return fixture.sdk
                .audio()
                .transcriptions()
                .create(
                        TranscriptionCreateParams.builder()
                                .model("whisper-1")
                                .file(WAV_7_SECONDS)
                                .responseFormat(format)
                                .build());
    }

    @Test
    void jsonCarriesTextAndIsBilledTheWavDuration() {
        TranscriptionCreateResponse response = transcribe(AudioResponseFormat.JSON);
        // 7 s at 2.5 words/s in segments of 5 s and 2 s: 13 + 5 words.
        assertThat(response.asTranscription().text().split(" ")).hasSize(18);
        Settlement settlement = fixture.gate.last();
        assertThat(settlement.endpoint()).isEqualTo("/v1/audio/transcriptions");
        assertThat(settlement.usage().mediaSeconds()).isCloseTo(7.0, offset(1e-9));
        assertThat(settlement.end()).isEqualTo(Settlement.End.COMPLETED);
    }

    @Test
    void verboseJsonHasDurationAndSegments() {
        TranscriptionVerbose verbose = transcribe(AudioResponseFormat.VERBOSE_JSON).asVerbose();
        assertThat(verbose.duration()).isCloseTo(7.0, offset(1e-9));
        assertThat(verbose.segments().orElseThrow()).hasSize(2);
        assertThat(verbose.segments().orElseThrow().get(1).end()).isCloseTo(7.0, offset(1e-9));
    }

    @Test
    void textSrtAndVttArePlainText() {
        HttpResponse<byte[]> text = upload("text", WAV_7_SECONDS);
        assertThat(text.headers().firstValue("content-type").orElseThrow())
                .startsWith("text/plain");
        assertThat(new String(text.body(), StandardCharsets.UTF_8))
                .endsWith(".\n")
                .doesNotContain("{");
        HttpResponse<byte[]> srt = upload("srt", WAV_7_SECONDS);
        assertThat(srt.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
        assertThat(new String(srt.body(), StandardCharsets.UTF_8))
                .startsWith("1\n00:00:00,000 --> 00:00:05,000\n")
                .contains("\n2\n00:00:05,000 --> 00:00:07,000\n");
        HttpResponse<byte[]> vtt = upload("vtt", WAV_7_SECONDS);
        assertThat(new String(vtt.body(), StandardCharsets.UTF_8))
                .startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n")
                .contains("00:00:05.000 --> 00:00:07.000\n");
        assertThat(transcribe(AudioResponseFormat.SRT).asTranscription().text())
                .startsWith("1\n00:00:00,000 --> ");
        assertThat(transcribe(AudioResponseFormat.VTT).asTranscription().text())
                .startsWith("WEBVTT");
    }

    private static HttpResponse<byte[]> upload(String format, byte[] wav) {
        return fixture.send(
                "POST",
                "/v1/audio/transcriptions",
                "multipart/form-data; boundary=XyZ",
                form(format, wav, true));
    }

    private static byte[] form(String format, byte[] wav, boolean close) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                                + "--XyZ\r\nContent-Disposition: form-data; name=\"response_format\"\r\n\r\n"
                                + format
                                + "\r\n"
                                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                                + "Content-Type: audio/wav\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(wav);
        if (close) {
            out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    @Test
    void badUploadsAre4xxBeforeAdmission() {
        int before = fixture.gate.admissions.size();
        assertError(
                fixture.send(
                        "POST",
                        "/v1/audio/transcriptions",
                        "multipart/form-data; boundary=XyZ",
                        form("json", WAV_7_SECONDS, false)),
                400,
                null,
                "invalid_multipart");
        assertError(
                fixture.postJson("/v1/audio/transcriptions", "{\"model\":\"whisper-1\"}"),
                400,
                null,
                "invalid_content_type");
        assertError(
                upload("json", "RIFF....not audio".getBytes(StandardCharsets.US_ASCII)),
                400,
                "file",
                "invalid_value");
        assertError(upload("xml", WAV_7_SECONDS), 400, "response_format", "invalid_value");
        assertError(
                fixture.send(
                        "POST",
                        "/v1/audio/transcriptions",
                        "multipart/form-data; boundary=XyZ",
                        ("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n--XyZ--\r\n")
                                .getBytes(StandardCharsets.US_ASCII)),
                400,
                "file",
                "missing_required_parameter");
        assertThat(fixture.gate.admissions).hasSize(before);
    }

    /** A WAV whose first chunk claims almost 4 GiB: the chunk walk once wrapped to a 500. */
    static byte[] wavWithHugeChunk() {
        java.nio.ByteBuffer wav =
                java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(56);
        wav.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("JUNK".getBytes(StandardCharsets.US_ASCII)).putInt(0xFFFF_FFF0);
        return wav.array();
    }

    @Test
    void aWavWithAChunkSizeNear4GibIs400NotA500() {
        assertThat(WavAudio.durationSeconds(wavWithHugeChunk())).isEmpty();
        assertError(upload("json", wavWithHugeChunk()), 400, "file", "invalid_value");
    }

    @Test
    void aWavWithAForgedByteRateIsRefusedAsTooLong() {
        byte[] wav = WavAudio.wav(new byte[1_000_000]);
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(28, 1);
        HttpResponse<byte[]> response = upload("json", wav);
        assertError(response, 400, "file", "invalid_value");
        assertThat(MediaFixture.error(response).path("message").textValue())
                .contains("1000000 s long");
    }

    @Test
    void aBodyOver25MebibytesIs413() {
        byte[] big = WavAudio.wav(new byte[25 * 1024 * 1024]);
        assertThat(upload("json", big).statusCode()).isEqualTo(413);
    }

    private static void assertError(
            HttpResponse<byte[]> response, int status, String param, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(MediaFixture.error(response).path("param").textValue()).isEqualTo(param);
        assertThat(MediaFixture.error(response).path("code").textValue()).isEqualTo(code);
    }
}

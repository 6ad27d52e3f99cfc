package io.tokenbench.mock.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.HttpResponse;
import com.openai.models.audio.speech.SpeechCreateParams;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaFixture;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/audio/speech} driven by the official SDK; WAV parsed by javax.sound.sampled. */
@ExtendWith(NoLeaks.class)
class SpeechEndpointTest {

    /** 60 code points: 4 s at speed 1 by the documented 15 chars/s rule. */
    private static final String INPUT =
            "The quick brown fox jumps over the lazy dog, then sleeps....";

    @RegisterExtension static final MediaFixture fixture = new MediaFixture();

    private static byte[] speech(
            SpeechCreateParams.ResponseFormat format,
            double speed,
            SpeechCreateParams.StreamFormat stream) {
        SpeechCreateParams.Builder params =
                SpeechCreateParams.builder()
                        .model("tts-1")
                        .input(INPUT)
                        .voice("alloy")
                        .responseFormat(format)
                        .speed(speed);
        if (stream != null) {
            params.streamFormat(stream);
        }
        try (HttpResponse response = fixture.sdk.audio().speech().create(params.build())) {
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wavParsesAs24kHzMono16BitWithTheRuleDuration() throws Exception {
        assertThat(INPUT.length()).isEqualTo(60);
        byte[] wav = speech(SpeechCreateParams.ResponseFormat.WAV, 1.0, null);
        try (AudioInputStream audio =
                AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = audio.getFormat();
            assertThat(format.getSampleRate()).isEqualTo(24_000f);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(audio.getFrameLength() / (double) format.getFrameRate())
                    .isCloseTo(4.0, offset(1e-6));
        }
        Settlement settlement = fixture.gate.last();
        assertThat(settlement.endpoint()).isEqualTo("/v1/audio/speech");
        assertThat(settlement.usage().mediaSeconds()).isCloseTo(4.0, offset(1e-6));
        assertThat(settlement.usage().promptTokens()).isEqualTo(15);
    }

    @Test
    void pcmIsRawSamplesAndSpeedShortensIt() throws Exception {
        byte[] pcm = speech(SpeechCreateParams.ResponseFormat.PCM, 2.0, null);
        assertThat(pcm.length).isEqualTo(2 * 24_000 * 2); // 2 s of 16-bit samples
        byte[] wav = WavAudio.wav(pcm);
        try (AudioInputStream audio =
                AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            assertThat(audio.getFrameLength()).isEqualTo(48_000);
        }
        assertThat(pcm).as("not silence").isNotEqualTo(new byte[pcm.length]);
    }

    @Test
    void sseDeltasConcatenateToTheSameAudio() throws Exception {
        byte[] plain = speech(SpeechCreateParams.ResponseFormat.PCM, 1.0, null);
        String events =
                new String(
                        speech(
                                SpeechCreateParams.ResponseFormat.PCM,
                                1.0,
                                SpeechCreateParams.StreamFormat.SSE),
                        StandardCharsets.UTF_8);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        JsonNode done = null;
        int deltas = 0;
        for (String block : events.split("\n\n")) {
            assertThat(block).startsWith("data: ");
            JsonNode event = JsonBody.JSON.readTree(block.substring(6));
            if (event.path("type").asText().equals("speech.audio.delta")) {
                joined.writeBytes(Base64.getDecoder().decode(event.path("audio").asText()));
                deltas++;
            } else {
                done = event;
            }
        }
        assertThat(deltas).isEqualTo(16); // 4 s in 0.25 s chunks
        assertThat(joined.toByteArray()).isEqualTo(plain);
        assertThat(done.path("type").asText()).isEqualTo("speech.audio.done");
        assertThat(done.path("usage").path("input_tokens").asInt()).isEqualTo(15);
        assertThat(done.path("usage").path("output_tokens").asInt()).isEqualTo(200);
    }

    @Test
    void badInputIs400BeforeAdmission() {
        String ok = "\"model\":\"tts-1\",\"input\":\"hi\",\"voice\":\"alloy\"";
        assertBad(
                "{\"model\":\"tts-1\",\"voice\":\"alloy\"}", "input", "missing_required_parameter");
        assertBad("{\"model\":\"tts-1\",\"input\":\"hi\"}", "voice", "missing_required_parameter");
        assertBad("{" + ok + ",\"response_format\":\"mp3\"}", "response_format", "invalid_value");
        assertBad("{" + ok + ",\"response_format\":\"ogg\"}", "response_format", "invalid_value");
        assertBad("{" + ok + ",\"speed\":5}", "speed", "invalid_value");
        assertBad("{" + ok + ",\"stream_format\":\"chunks\"}", "stream_format", "invalid_value");
        assertBad(
                "{\"model\":\"tts-1\",\"input\":\"\",\"voice\":\"alloy\"}",
                "input",
                "invalid_value");
        assertBad(
                "{\"model\":\"whisper-1\",\"input\":\"hi\",\"voice\":\"alloy\"}",
                "model",
                "invalid_value");
        assertThat(fixture.send("GET", "/v1/audio/speech", null, null).statusCode()).isEqualTo(405);
        assertThat(fixture.send("POST", "/v1/audio/nothing", null, new byte[0]).statusCode())
                .isEqualTo(404);
    }

    private static void assertBad(String body, String param, String code) {
        int before = fixture.gate.admissions.size();
        java.net.http.HttpResponse<byte[]> response = fixture.postJson("/v1/audio/speech", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(MediaFixture.error(response).path("param").textValue())
                .as(body)
                .isEqualTo(param);
        assertThat(MediaFixture.error(response).path("code").textValue()).as(body).isEqualTo(code);
        assertThat(fixture.gate.admissions).hasSize(before);
    }

    @Test
    void wavDurationReaderReadsWhatWasWritten() throws UnsupportedAudioFileException, IOException {
        assertThat(WavAudio.durationSeconds(WavAudio.wav(WavAudio.pcm(1.5, 7)))).contains(1.5);
        assertThat(WavAudio.durationSeconds("not a wav file".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }
}

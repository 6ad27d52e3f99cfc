package io.tokenbench.simulations.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/**
 * The upload (a WAV the JDK's own reader accepts), its multipart body, and the response readers.
 */
class MediaPayloadsTest {

    @Test
    void theToneIsAWavOfExactlyTheRequestedLength() throws Exception {
        byte[] wav = WavTone.of(Duration.ofSeconds(3), 16_000, 440);
        assertThat(wav).hasSize(44 + 3 * 16_000 * 2);
        try (AudioInputStream in =
                AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleRate()).isEqualTo(16_000f);
            assertThat(f.getChannels()).isEqualTo(1);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFrameLength()).isEqualTo(48_000);
        }
        assertThat(WavTone.durationNanos(wav)).isEqualTo(3_000_000_000L);
        short peak = 0;
        ByteBuffer b = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            peak = (short) Math.max(peak, b.getShort());
        }
        assertThat(peak).isEqualTo((short) 8192); // a tone, not silence
    }

    @Test
    void theMultipartBodyHasTheFieldsThenTheFileAndACloseDelimiter() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("model", "whisper-1");
        byte[] file = {1, 2, 3};
        Multipart m = Multipart.of(fields, "file", "tone.wav", "audio/wav", file);
        String text = new String(m.body(), StandardCharsets.ISO_8859_1);
        String d = "--" + m.boundary();
        assertThat(m.contentType()).isEqualTo("multipart/form-data; boundary=" + m.boundary());
        assertThat(text)
                .isEqualTo(
                        d
                                + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                                + d
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tone.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
                                + "\u0001\u0002\u0003\r\n"
                                + d
                                + "--\r\n");
    }

    @Test
    void responseReadersTellValidAnswersFromBrokenOnes() {
        assertThat(
                        MediaResponses.embeddings(
                                "{\"data\":[{\"embedding\":\"AAAA\"}],\"usage\":{\"prompt_tokens\":7}}"))
                .contains(7L);
        assertThat(MediaResponses.embeddings("{\"data\":[{\"embedding\":[]}]}")).isEmpty();
        assertThat(MediaResponses.embeddings("not json")).isEmpty();

        String png =
                Base64.getEncoder()
                        .encodeToString(
                                new byte[] {
                                    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0
                                });
        assertThat(
                        MediaResponses.images(
                                "{\"data\":[{\"b64_json\":\""
                                        + png
                                        + "\"},{\"url\":\"http://x/1.png\"}]}"))
                .contains(2);
        assertThat(MediaResponses.images("{\"data\":[{\"b64_json\":\"aGVsbG8gd29ybGQ=\"}]}"))
                .isEmpty(); // not a PNG
        assertThat(MediaResponses.images("{\"data\":[]}")).isEmpty();

        assertThat(MediaResponses.transcription("{\"text\":\"hello\"}")).isTrue();
        assertThat(MediaResponses.transcription("{\"words\":[]}")).isFalse();

        assertThat(
                        MediaResponses.speechEvent(
                                "{\"type\":\"speech.audio.delta\",\"audio\":\"AAA=\"}"))
                .isEqualTo(MediaResponses.SpeechEvent.AUDIO);
        assertThat(
                        MediaResponses.speechChunk(
                                "{\"type\":\"speech.audio.delta\",\"audio\":\"AAECAwQ=\"}"))
                .isEqualTo(
                        new MediaResponses.SpeechChunk(
                                MediaResponses.SpeechEvent.AUDIO, 5)); // 5 bytes of audio
        assertThat(
                        MediaResponses.speechChunk(
                                        "{\"type\":\"speech.audio.delta\",\"audio\":\"AAECAwQFBgc=\"}")
                                .audioBytes())
                .isEqualTo(Base64.getDecoder().decode("AAECAwQFBgc=").length);
        assertThat(MediaResponses.speechEvent("{\"type\":\"speech.audio.done\",\"usage\":{}}"))
                .isEqualTo(MediaResponses.SpeechEvent.DONE);
        assertThat(MediaResponses.speechEvent("{\"error\":{\"message\":\"x\"}}"))
                .isEqualTo(MediaResponses.SpeechEvent.ERROR);
        assertThat(MediaResponses.speechEvent("{\"type\":\"speech.audio.delta\"}"))
                .isEqualTo(MediaResponses.SpeechEvent.MALFORMED);
        assertThat(MediaResponses.speechEvent("{oops"))
                .isEqualTo(MediaResponses.SpeechEvent.MALFORMED);

        assertThat(MediaResponses.video("{\"id\":\"video_1\",\"status\":\"queued\"}"))
                .contains(new MediaResponses.Video("video_1", "queued"));
        assertThat(MediaResponses.video("{\"status\":\"queued\"}")).isEmpty();
    }
}

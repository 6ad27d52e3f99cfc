package io.tokenbench.mock.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.mock.openai.ApiErrorException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The strict multipart reader on edge cases the endpoint tests do not reach. */
class MultipartTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void binaryDataContainingCrlfDashesIsKeptWhole() {
        byte[] body =
                ascii(
                        "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
                                + "Content-Type: application/octet-stream\r\n\r\nab\r\n--b1not-the-boundary\u00ff\r\n"
                                + "--b0\r\nContent-Disposition: form-data; name=model\r\n\r\nwhisper-1\r\n--b0--\r\n");
        Multipart form = Multipart.parse("multipart/form-data; boundary=\"b0\"", body);
        assertThat(form.parts().get("file").bytes())
                .isEqualTo(ascii("ab\r\n--b1not-the-boundary\u00ff"));
        assertThat(form.parts().get("file").filename()).isEqualTo("x.bin");
        assertThat(form.field("model")).isEqualTo("whisper-1");
        assertThat(form.field("absent")).isNull();
    }

    @Test
    void malformedBodiesAre400() {
        String part = "--b0\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv";
        assertCode("multipart/form-data; boundary=b0", part, "invalid_multipart");
        assertCode("multipart/form-data; boundary=b0", part + "\r\n--b0", "invalid_multipart");
        assertCode(
                "multipart/form-data; boundary=b0",
                "--b0\r\nContent-Disposition: form-data",
                "invalid_multipart");
        assertCode(
                "multipart/form-data; boundary=b0",
                "--b0\r\nContent-Disposition: form-data\r\n\r\nv\r\n--b0--",
                "invalid_multipart");
        assertCode(
                "multipart/form-data; boundary=b0",
                "preamble" + part + "\r\n--b0--",
                "invalid_multipart");
        assertCode("multipart/form-data", part + "\r\n--b0--", "invalid_multipart");
        assertCode("application/json", "{}", "invalid_content_type");
        assertCode(null, "", "invalid_content_type");
    }

    private static void assertCode(String contentType, String body, String code) {
        assertThatThrownBy(() -> Multipart.parse(contentType, ascii(body)))
                .as(body)
                .isInstanceOfSatisfying(
                        ApiErrorException.class,
                        e -> {
                            assertThat(e.error().status()).isEqualTo(400);
                            assertThat(e.error().code()).isEqualTo(code);
                        });
    }
}

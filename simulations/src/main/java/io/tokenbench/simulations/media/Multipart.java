package io.tokenbench.simulations.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and one file, built once as bytes:
 * what the transcription upload sends. Immutable.
 */
public record Multipart(String boundary, byte[] body) {

    /** {@code Content-Type} header value. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /**
     * Text {@code fields} in order, then {@code fileField} holding {@code file} named {@code
     * fileName}.
     */
    public static Multipart of(
            Map<String, String> fields,
            String fileField,
            String fileName,
            String fileType,
            byte[] file) {
        String boundary =
                "tokenbench-"
                        + Long.toHexString(java.util.Arrays.hashCode(file) & 0xffffffffL)
                        + "-boundary";
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 512);
        new LinkedHashMap<>(fields)
                .forEach(
                        (name, value) -> {
                            write(
                                    out,
                                    "--"
                                            + boundary
                                            + "\r\nContent-Disposition: form-data; name=\""
                                            + name
                                            + "\"\r\n\r\n"
                                            + value
                                            + "\r\n");
                        });
        write(
                out,
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + fileField
                        + "\"; filename=\""
                        + fileName
                        + "\"\r\nContent-Type: "
                        + fileType
                        + "\r\n\r\n");
        out.write(file, 0, file.length);
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Multipart(boundary, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}

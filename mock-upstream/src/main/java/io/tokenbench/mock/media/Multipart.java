package io.tokenbench.mock.media;

import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A strict {@code multipart/form-data} reader over a complete body (RFC 7578): the content type
 * must carry a boundary, every part needs {@code Content-Disposition: form-data; name="..."}, and
 * the body must end with the closing delimiter; anything else is a 400 {@link ApiErrorException}. A
 * part may or may not have a {@code filename} (the Java SDK sends byte-array files without one), so
 * every part is kept as bytes and read as a UTF-8 field on demand. Repeated names keep the first
 * part.
 *
 * @param parts parts by name, in body order
 */
public record Multipart(Map<String, Part> parts) {

    /** One part; {@code filename} is empty when the part had none. */
    public record Part(String filename, String contentType, byte[] bytes) {}

    /** Part {@code name} as UTF-8 text, or null when absent. */
    public String field(String name) {
        Part part = parts.get(name);
        return part == null ? null : new String(part.bytes(), StandardCharsets.UTF_8);
    }

    public static Multipart parse(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at != 0) {
            throw malformed("the body does not start with the boundary");
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        at = delimiter.length;
        while (true) {
            if (startsWith(body, at, "--")) {
                return new Multipart(parts);
            }
            if (!startsWith(body, at, "\r\n")) {
                throw malformed("a boundary is not followed by CRLF");
            }
            int headersEnd =
                    indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at + 2);
            if (headersEnd < 0) {
                throw malformed("a part's headers are truncated");
            }
            Map<String, String> headers =
                    headers(new String(body, at + 2, headersEnd - at - 2, StandardCharsets.UTF_8));
            int dataStart = headersEnd + 4;
            int dataEnd = indexOf(body, next, dataStart);
            if (dataEnd < 0) {
                throw malformed("the body is truncated (no closing boundary)");
            }
            String disposition = headers.getOrDefault("content-disposition", "");
            String name =
                    attribute(disposition, "name")
                            .orElseThrow(() -> malformed("a part has no Content-Disposition name"));
            byte[] data = Arrays.copyOfRange(body, dataStart, dataEnd);
            parts.putIfAbsent(
                    name,
                    new Part(
                            attribute(disposition, "filename").orElse(""),
                            headers.getOrDefault("content-type", "text/plain"),
                            data));
            at = dataEnd + next.length;
        }
    }

    private static String boundary(String contentType) {
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiErrorException(
                    ApiError.badRequest(
                            "Invalid Content-Type header ("
                                    + contentType
                                    + "); this endpoint expects multipart/form-data.",
                            null,
                            "invalid_content_type"));
        }
        return attribute(contentType, "boundary")
                .filter(b -> !b.isEmpty() && b.length() <= 70)
                .orElseThrow(() -> malformed("the Content-Type has no boundary"));
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** {@code key=value} or {@code key="value"} among {@code ;}-separated parameters. */
    static Optional<String> attribute(String header, String key) {
        for (String piece : header.split(";")) {
            String trimmed = piece.trim();
            int eq = trimmed.indexOf('=');
            if (eq > 0 && trimmed.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String value = trimmed.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        if (at + text.length() > body.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (body[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = from; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ApiErrorException malformed(String why) {
        return new ApiErrorException(
                ApiError.badRequest(
                        "Malformed multipart/form-data body: " + why + ".",
                        null,
                        "invalid_multipart"));
    }
}

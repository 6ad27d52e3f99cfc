package io.tokenbench.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 response with a Content-Length body, parsed from raw wire text (test helper). */
record RawResponse(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RawResponse parse(String wire) {
        int headEnd = wire.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalArgumentException("no complete head in: " + wire);
        }
        String[] lines = wire.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String rest = wire.substring(headEnd + 4);
        String length = headers.get("content-length");
        String body = length == null ? rest : rest.substring(0, Integer.parseInt(length));
        return new RawResponse(status, headers, body);
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error object of an OpenAI error envelope. */
    JsonNode error() {
        return json().get("error");
    }

    String header(String name) {
        return headers.get(name);
    }
}

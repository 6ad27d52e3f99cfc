package io.tokenbench.mock.server;

/**
 * The text-generation endpoints besides chat completions: legacy {@code /v1/completions} and {@code
 * /v1/responses}, each the shared {@link TextGeneration} pipeline with its API. Thread-safe
 * (stateless apart from the context).
 */
final class TextEndpoints {

    private final TextGeneration<?> completions;
    private final TextGeneration<?> responses;

    TextEndpoints(ServerContext server) {
        this.completions = new TextGeneration<>(server, new CompletionsApi());
        this.responses = new TextGeneration<>(server, new ResponsesApi());
    }

    /** The endpoint serving {@code path}, or null. */
    TextGeneration<?> get(String path) {
        if (path.equals(CompletionsApi.ENDPOINT)) {
            return completions;
        }
        return path.equals(ResponsesApi.ENDPOINT) ? responses : null;
    }
}

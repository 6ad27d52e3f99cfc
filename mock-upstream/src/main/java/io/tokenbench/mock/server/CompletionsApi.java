package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.openai.CompletionsRequest;
import io.tokenbench.mock.openai.CompletionsRequestParser;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.TextCompletionBody;
import io.tokenbench.mock.stream.CompletionsEncoder;
import io.tokenbench.mock.stream.StreamEncoder;
import java.io.InputStream;

/** Legacy {@code POST /v1/completions}, as {@code vllm bench serve} drives it. */
final class CompletionsApi implements TextApi<CompletionsRequest> {

    static final String ENDPOINT = "/v1/completions";
    private final CompletionsRequestParser parser = new CompletionsRequestParser();

    @Override
    public String endpoint() {
        return ENDPOINT;
    }

    @Override
    public CompletionsRequest parse(InputStream body) {
        return parser.parse(body);
    }

    @Override
    public StreamEncoder streamEncoder(
            CompletionsRequest request, IdSource ids, long createdEpochSeconds) {
        return new CompletionsEncoder(
                ids.textCompletionId(),
                createdEpochSeconds,
                JsonText.escaped(request.generation().model()),
                request.generation().includeUsage());
    }

    @Override
    public ByteBuf body(
            ByteBufAllocator alloc,
            CompletionsRequest request,
            RequestPlan plan,
            IdSource ids,
            long createdEpochSeconds,
            boolean withUsage) {
        return TextCompletionBody.write(
                alloc,
                ids.textCompletionId(),
                createdEpochSeconds,
                request.generation(),
                plan,
                withUsage);
    }
}

package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.openai.ChatBodyReader;
import io.tokenbench.mock.openai.ChatRequest;
import io.tokenbench.mock.openai.CompletionBody;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.ParsedChat;
import io.tokenbench.mock.stream.ChunkEncoder;
import io.tokenbench.mock.stream.StreamEncoder;
import java.io.InputStream;

/** {@code POST /v1/chat/completions}: {@link ChunkEncoder} streams, {@link CompletionBody}. */
final class ChatApi implements TextApi<ParsedChat> {

    static final String ENDPOINT = "/v1/chat/completions";
    private final ChatBodyReader reader;

    ChatApi(ChatBodyReader reader) {
        this.reader = reader;
    }

    @Override
    public String endpoint() {
        return ENDPOINT;
    }

    @Override
    public ParsedChat parse(InputStream body) {
        return reader.parse(body);
    }

    @Override
    public StreamEncoder streamEncoder(ParsedChat request, IdSource ids, long createdEpochSeconds) {
        ChatRequest chat = request.generation();
        return new ChunkEncoder(
                ids.completionId(),
                createdEpochSeconds,
                JsonText.escaped(chat.model()),
                chat.includeUsage());
    }

    @Override
    public ByteBuf body(
            ByteBufAllocator alloc,
            ParsedChat request,
            RequestPlan plan,
            IdSource ids,
            long createdEpochSeconds,
            boolean withUsage) {
        return CompletionBody.write(
                alloc,
                ids.completionId(),
                createdEpochSeconds,
                request.generation(),
                plan,
                ids,
                withUsage);
    }
}

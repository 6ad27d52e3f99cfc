package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.ResponseBody;
import io.tokenbench.mock.openai.ResponsesJson;
import io.tokenbench.mock.openai.ResponsesRequest;
import io.tokenbench.mock.openai.ResponsesRequestParser;
import io.tokenbench.mock.stream.ResponsesEncoder;
import io.tokenbench.mock.stream.StreamEncoder;
import java.io.InputStream;

/** {@code POST /v1/responses}: the Responses API, streamed as typed events or as one object. */
final class ResponsesApi implements TextApi<ResponsesRequest> {

    static final String ENDPOINT = "/v1/responses";
    private final ResponsesRequestParser parser = new ResponsesRequestParser();

    @Override
    public String endpoint() {
        return ENDPOINT;
    }

    @Override
    public ResponsesRequest parse(InputStream body) {
        return parser.parse(body);
    }

    @Override
    public StreamEncoder streamEncoder(
            ResponsesRequest request, IdSource ids, long createdEpochSeconds) {
        return new ResponsesEncoder(
                responseJson(request, ids, createdEpochSeconds), ids.messageId());
    }

    @Override
    public ByteBuf body(
            ByteBufAllocator alloc,
            ResponsesRequest request,
            RequestPlan plan,
            IdSource ids,
            long createdEpochSeconds,
            boolean withUsage) {
        ResponsesJson response = responseJson(request, ids, createdEpochSeconds);
        return ResponseBody.write(
                alloc, response, ids.messageId(), request.generation(), plan, withUsage);
    }

    private static ResponsesJson responseJson(
            ResponsesRequest request, IdSource ids, long createdEpochSeconds) {
        return new ResponsesJson(
                ids.responseId(),
                createdEpochSeconds,
                JsonText.escaped(request.generation().model()),
                request.instructions().map(JsonText::escaped).orElse(null),
                request.generation().maxTokens(),
                request.store());
    }
}

package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.openai.TextRequest;
import io.tokenbench.mock.stream.StreamEncoder;
import java.io.InputStream;

/**
 * What differs between the text-generation APIs the mock serves through one pipeline ({@link
 * TextGeneration}): the route, the request parser, the stream's wire format and the complete body.
 * Implementations are stateless and thread-safe.
 *
 * @param <R> the API's parsed request
 */
interface TextApi<R extends TextRequest> {

    /** The route, e.g. {@code /v1/completions}. */
    String endpoint();

    /** Parses and validates; throws {@code ApiErrorException} with a 400 on any problem. */
    R parse(InputStream body);

    /** The encoder of one stream for {@code request}. */
    StreamEncoder streamEncoder(R request, IdSource ids, long createdEpochSeconds);

    /**
     * The non-streamed body (owned by the caller).
     *
     * @param withUsage false only for the {@code usage_missing} fault
     */
    ByteBuf body(
            ByteBufAllocator alloc,
            R request,
            RequestPlan plan,
            IdSource ids,
            long createdEpochSeconds,
            boolean withUsage);
}

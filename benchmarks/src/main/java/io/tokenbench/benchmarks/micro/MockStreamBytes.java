package io.tokenbench.benchmarks.micro;

import io.netty.buffer.ByteBuf;
import io.tokenbench.mock.behavior.TokenText;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.stream.ChunkEncoder;
import java.util.SplittableRandom;

/**
 * Writes a whole chat completion stream the way the mock's {@code ChatStream} does, with the mock's
 * own {@link ChunkEncoder} and {@link TokenText}: role event, one content event per token, finish
 * event, {@code [DONE]}. Shared by the encoding benchmark (which times it) and the parsing
 * benchmark (which parses its bytes).
 */
final class MockStreamBytes {

    static final byte[] MODEL = JsonText.escaped("tokenbench-tiny");
    private static final long CREATED_EPOCH_SECONDS = 1_767_225_600L;

    private MockStreamBytes() {}

    /**
     * Appends the stream of {@code tokens} tokens (words drawn from {@code random}) to {@code out}.
     */
    static void write(ByteBuf out, String completionId, int tokens, SplittableRandom random) {
        ChunkEncoder encoder = new ChunkEncoder(completionId, CREATED_EPOCH_SECONDS, MODEL, false);
        encoder.role(out, 0, false);
        for (int i = 0; i < tokens; i++) {
            encoder.openContent(out, 0);
            out.writeBytes(TokenText.bytes(TokenText.nextWord(random), i == 0));
            encoder.closeContent(out);
        }
        encoder.finish(out, 0, "length");
        ChunkEncoder.done(out);
    }
}

package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.testing.NoLeaks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP/1.1 framing of the mock's answers (RFC 9112) with complete responses written as
 * pre-encoded bytes below the codec ({@link PlainResponse}) and everything else through the encoder
 * ({@link ServerCodec}): one buffer per complete response, its head in the documented order,
 * pipelined requests answered in order, the answer to {@code HEAD} without content (RFC 9110
 * section 9.3.2), and the closes RFC 9112 requires after a bad request line and after a request
 * framed by both {@code Transfer-Encoding} and {@code Content-Length} (section 6.1).
 */
@ExtendWith(NoLeaks.class)
class ServerCodecTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final String CHAT_BODY =
            "{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final Behavior FIVE_TOKENS =
            Behavior.ZERO_LATENCY.withOutputTokens(DistParser.counts("5"));

    private EmbeddedMock mock = new EmbeddedMock(EmbeddedMock.config().withBehavior(FIVE_TOKENS));

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void aCompleteResponseIsOneBufferWithItsHeadInOrder() {
        mock.send(EmbeddedMock.post(CHAT, CHAT_BODY));
        List<String> buffers = outboundBuffers();
        assertThat(buffers).as("status line, headers and body in one write").hasSize(1);
        String wire = buffers.get(0);
        int headEnd = wire.indexOf("\r\n\r\n");
        String[] head = wire.substring(0, headEnd).split("\r\n", -1);
        byte[] body = wire.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(head[0]).isEqualTo("HTTP/1.1 200 OK");
        assertThat(head).hasSize(4);
        assertThat(head[1]).isEqualTo("content-type: application/json");
        assertThat(head[2]).isEqualTo("content-length: " + body.length);
        assertThat(head[3]).matches("x-request-id: req_[A-Za-z0-9]+");
        assertThat(new String(body, StandardCharsets.UTF_8))
                .startsWith("{")
                .contains("\"object\":\"chat.completion\"")
                .endsWith("}");
        assertThat(mock.channel.isOpen()).isTrue();
    }

    @Test
    void theGatesHeadersFollowTheRequestId() {
        mock.close();
        mock =
                new EmbeddedMock(
                        EmbeddedMock.config()
                                .withBehavior(FIVE_TOKENS)
                                .withGate(new HeaderGate(styled())));
        mock.send(EmbeddedMock.post(CHAT, CHAT_BODY));
        String[] head = headLines(mock.output());
        String id = head[3].substring("x-request-id: ".length());
        assertThat(head[2]).matches("content-length: [1-9][0-9]*");
        assertThat(head)
                .containsExactly(
                        "HTTP/1.1 200 OK",
                        "content-type: application/json",
                        head[2],
                        "x-request-id: " + id,
                        "X-Oneapi-Request-Id: req_styled",
                        "X-Served-By: mock");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndTheAnswerToHeadHasNoContent() {
        // One read holding a POST, a HEAD and another POST: the HEAD's answer (RFC 9110 9.3.2)
        // carries its headers only, so the third answer's status line follows its blank line.
        mock.send(
                EmbeddedMock.post(CHAT, CHAT_BODY)
                        + "HEAD /v1/models HTTP/1.1\r\nHost: mock\r\n"
                        + "Authorization: Bearer sk-tokenbench-local\r\n\r\n"
                        + EmbeddedMock.post(CHAT, CHAT_BODY));
        mock.advanceMillis(0);
        List<Answer> answers = Answer.parseAll(mock.outputLatin1(), List.of(false, true, false));

        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers.get(2).status()).isEqualTo(200);
        assertThat(answers.get(0).body()).contains("chat.completion");
        assertThat(answers.get(1).headers()).containsKey("content-length");
        assertThat(answers.get(1).body()).isEmpty();
        assertThat(answers.get(2).body()).contains("chat.completion");
        assertThat(answers)
                .extracting(a -> a.headers().get("x-request-id"))
                .doesNotHaveDuplicates();
        assertThat(mock.channel.isOpen()).isTrue();
    }

    @Test
    void manyMoreRequestsThanThePipelineDepthOnOneConnection() {
        // Each complete answer must take its request's place in the codec's queue, or the codec
        // would count them as unanswered, fail the connection past its pipelining limit and frame
        // a later HEAD answer by a stale method.
        int requests = 2 * ServerCodec.MAX_PIPELINE_DEPTH + 3;
        for (int i = 0; i < requests; i++) {
            Answer answer =
                    Answer.parseAll(
                                    mock.send(EmbeddedMock.post(CHAT, CHAT_BODY)).outputLatin1(),
                                    List.of(false))
                            .get(0);
            assertThat(answer.status()).as("answer %d", i).isEqualTo(200);
        }
        mock.send("HEAD /v1/models HTTP/1.1\r\nHost: mock\r\n\r\n");
        String wire = mock.outputLatin1();
        assertThat(wire).endsWith("\r\n\r\n").startsWith("HTTP/1.1 ");
        assertThat(wire.indexOf("\r\n\r\n")).isEqualTo(wire.length() - 4);
        assertThat(mock.channel.isOpen()).isTrue();
    }

    @Test
    void aBadRequestLineAfterAGoodRequestIsAnswered400ThenTheConnectionCloses() {
        mock.send(EmbeddedMock.post(CHAT, CHAT_BODY) + "HELLO\r\n\r\n");
        mock.advanceMillis(0);
        List<Answer> answers = Answer.parseAll(mock.outputLatin1(), List.of(false, false));
        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers.get(0).headers()).doesNotContainKey("connection");
        assertThat(answers.get(1).status()).isEqualTo(400);
        assertThat(answers.get(1).headers()).containsEntry("connection", "close");
        assertThat(answers.get(1).body()).contains("\"error\"");
        assertThat(mock.channel.isOpen()).isFalse();
    }

    @Test
    void aRequestFramedByBothChunkingAndContentLengthIsRejectedThenClosed() {
        // RFC 9112 6.1 and 6.3: a server may reject such a request, and must close after answering
        // it.
        byte[] body = CHAT_BODY.getBytes(StandardCharsets.UTF_8);
        mock.send(
                "POST "
                        + CHAT
                        + " HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer sk-tokenbench-local\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 3\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length)
                        + "\r\n"
                        + CHAT_BODY
                        + "\r\n0\r\n\r\n");
        mock.advanceMillis(0);
        Answer answer = Answer.parseAll(mock.outputLatin1(), List.of(false)).get(0);
        assertThat(answer.status()).as("rejected, as RFC 9112 6.3 allows").isEqualTo(400);
        assertThat(answer.body()).contains("\"error\"");
        assertThat(mock.channel.isOpen()).isFalse();
    }

    /**
     * The gate's headers: a platform-style request id (the same for every answer here), one more.
     */
    private static Map<String, String> styled() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Oneapi-Request-Id", "req_styled");
        headers.put("X-Served-By", "mock");
        return headers;
    }

    private List<String> outboundBuffers() {
        List<String> buffers = new ArrayList<>();
        Object msg;
        while ((msg = mock.channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) msg;
            buffers.add(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return buffers;
    }

    private static String[] headLines(String wire) {
        return wire.substring(0, wire.indexOf("\r\n\r\n")).split("\r\n", -1);
    }

    /** One response read off the wire: content sized by Content-Length, none for HEAD. */
    private record Answer(int status, Map<String, String> headers, String body) {

        static List<Answer> parseAll(String wire, List<Boolean> toHead) {
            List<Answer> answers = new ArrayList<>();
            int at = 0;
            for (boolean head : toHead) {
                int headEnd = wire.indexOf("\r\n\r\n", at);
                assertThat(headEnd).as("head of answer %d", answers.size()).isPositive();
                String[] lines = wire.substring(at, headEnd).split("\r\n", -1);
                assertThat(lines[0]).startsWith("HTTP/1.1 ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(
                            lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
                int length = head ? 0 : Integer.parseInt(headers.get("content-length"));
                at = headEnd + 4 + length;
                answers.add(
                        new Answer(
                                Integer.parseInt(lines[0].substring(9, 12)),
                                headers,
                                wire.substring(headEnd + 4, at)));
            }
            assertThat(wire.substring(at)).as("bytes after the last answer").isEmpty();
            return answers;
        }
    }
}

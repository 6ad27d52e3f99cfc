package io.tokenbench.mock.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.MediaFixture;
import io.tokenbench.mock.testing.NoLeaks;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/embeddings} driven by the official SDK with response validation on. */
@ExtendWith(NoLeaks.class)
class EmbeddingsEndpointTest {

    private static final String MODEL = "text-embedding-3-small";
    @RegisterExtension static final MediaFixture fixture = new MediaFixture();

    private static CreateEmbeddingResponse create(
            EmbeddingCreateParams.EncodingFormat format, Long dimensions, List<String> input) {
        EmbeddingCreateParams.Builder params =
                EmbeddingCreateParams.builder()
                        .model(MODEL)
                        .inputOfArrayOfStrings(input)
                        .encodingFormat(format);
        if (dimensions != null) {
            params.dimensions(dimensions);
        }
        return fixture.sdk.embeddings().create(params.build());
    }

    private static float[] decode(String base64) {
        ByteBuffer bytes =
                ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static float[] floats(List<Float> list) {
        float[] values = new float[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i);
        }
        return values;
    }

    @Test
    void base64DecodesToTheFloatVariantForEveryInput() {
        List<String> input = List.of("hello world", "a second, longer input text");
        CreateEmbeddingResponse asFloats =
                create(EmbeddingCreateParams.EncodingFormat.FLOAT, null, input);
        CreateEmbeddingResponse asBase64 =
                create(EmbeddingCreateParams.EncodingFormat.BASE64, null, input);
        assertThat(asFloats.data()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            float[] expected = floats(asFloats.data().get(i).embeddingValue().asFloats());
            assertThat(expected).hasSize(EmbeddingsRoutes.FULL_DIMENSIONS);
            assertThat(asFloats.data().get(i).index()).isEqualTo(i);
            assertThat(decode(asBase64.data().get(i).embeddingValue().asBase64()))
                    .containsExactly(expected);
        }
        assertThat(floats(asFloats.data().get(0).embeddingValue().asFloats()))
                .isNotEqualTo(floats(asFloats.data().get(1).embeddingValue().asFloats()));
    }

    @Test
    void vectorsAreDeterministicUnitLengthAndDimensionsArePrefixDirections() {
        float[] first =
                floats(
                        create(
                                        EmbeddingCreateParams.EncodingFormat.FLOAT,
                                        null,
                                        List.of("same text"))
                                .data()
                                .get(0)
                                .embeddingValue()
                                .asFloats());
        float[] again =
                floats(
                        create(
                                        EmbeddingCreateParams.EncodingFormat.FLOAT,
                                        null,
                                        List.of("same text"))
                                .data()
                                .get(0)
                                .embeddingValue()
                                .asFloats());
        assertThat(again).containsExactly(first);
        assertThat(norm(first)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        float[] short256 =
                floats(
                        create(
                                        EmbeddingCreateParams.EncodingFormat.FLOAT,
                                        256L,
                                        List.of("same text"))
                                .data()
                                .get(0)
                                .embeddingValue()
                                .asFloats());
        assertThat(short256).hasSize(256);
        assertThat(norm(short256)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        double prefixNorm = 0;
        for (int i = 0; i < 256; i++) {
            prefixNorm += first[i] * (double) first[i];
        }
        double scale = 1.0 / Math.sqrt(prefixNorm);
        for (int i = 0; i < 256; i++) {
            assertThat((double) short256[i])
                    .isCloseTo(first[i] * scale, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void usageFollowsTheTokenRuleAndIsSettled() {
        // "abcdefgh" = 8 code points -> 2 tokens; "xyz" -> 1 token.
        CreateEmbeddingResponse response =
                create(EmbeddingCreateParams.EncodingFormat.FLOAT, 8L, List.of("abcdefgh", "xyz"));
        assertThat(response.usage().promptTokens()).isEqualTo(3);
        assertThat(response.usage().totalTokens()).isEqualTo(3);
        assertThat(response.model()).isEqualTo(MODEL);
        Settlement settlement = fixture.gate.last();
        assertThat(settlement.endpoint()).isEqualTo("/v1/embeddings");
        assertThat(settlement.end()).isEqualTo(Settlement.End.COMPLETED);
        assertThat(settlement.usage()).isEqualTo(Settlement.Usage.tokens(3, 0));
    }

    @Test
    void tokenIdInputCountsOneTokenPerId() {
        HttpResponse<byte[]> response =
                fixture.postJson(
                        "/v1/embeddings",
                        "{\"model\":\"" + MODEL + "\",\"input\":[[1,2,3],[4]],\"dimensions\":4}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).contains("\"prompt_tokens\":4");
    }

    @Test
    void badInputIs400WithTheParameterNamed() {
        assertBad("{\"model\":\"" + MODEL + "\"}", 400, "input", "missing_required_parameter");
        assertBad("{\"input\":\"x\"}", 400, "model", "missing_required_parameter");
        assertBad("{\"model\":\"" + MODEL + "\",\"input\":\"\"}", 400, "input", "invalid_value");
        assertBad("{\"model\":\"" + MODEL + "\",\"input\":[]}", 400, "input", "invalid_value");
        assertBad(
                "{\"model\":\"" + MODEL + "\",\"input\":[\"a\",3.5]}",
                400,
                "input",
                "invalid_value");
        assertBad(
                "{\"model\":\"" + MODEL + "\",\"input\":\"x\",\"encoding_format\":\"int8\"}",
                400,
                "encoding_format",
                "invalid_value");
        assertBad(
                "{\"model\":\"" + MODEL + "\",\"input\":\"x\",\"dimensions\":0}",
                400,
                "dimensions",
                "invalid_value");
        assertBad(
                "{\"model\":\"" + MODEL + "\",\"input\":\"x\",\"dimensions\":\"8\"}",
                400,
                "dimensions",
                "invalid_type");
        assertBad("{\"model\":\"MiniMax-M3\",\"input\":\"x\"}", 400, "model", "invalid_value");
        assertBad("{\"model\":\"no-such-model\",\"input\":\"x\"}", 404, null, "model_not_found");
        assertBad("{\"model\":", 400, null, null);
    }

    private static void assertBad(String body, int status, String param, String code) {
        int admissionsBefore = fixture.gate.admissions.size();
        HttpResponse<byte[]> response = fixture.postJson("/v1/embeddings", body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(MediaFixture.error(response).path("type").asText())
                .isEqualTo("invalid_request_error");
        assertThat(MediaFixture.error(response).path("param").textValue())
                .as(body)
                .isEqualTo(param);
        assertThat(MediaFixture.error(response).path("code").textValue()).as(body).isEqualTo(code);
        assertThat(fixture.gate.admissions)
                .as("bad input is refused before admission")
                .hasSize(admissionsBefore);
    }

    @Test
    void getIs405AndAMissingKeyIs401() {
        assertThat(fixture.send("GET", "/v1/embeddings", null, null).statusCode()).isEqualTo(405);
        HttpResponse<byte[]> noKey =
                fixture.send(
                        "POST",
                        "/v1/embeddings",
                        "application/json",
                        ("{\"model\":\"" + MODEL + "\",\"input\":\"x\"}").getBytes(),
                        null);
        assertThat(noKey.statusCode()).isEqualTo(401);
    }

    @Test
    void injectedHttpFaultsAreAnsweredAndRefundedChatOnlyFaultsAre400() {
        byte[] body = ("{\"model\":\"" + MODEL + "\",\"input\":\"x\"}").getBytes();
        HttpResponse<byte[]> limited =
                fixture.sendWithHeaders(
                        "POST",
                        "/v1/embeddings",
                        "application/json",
                        body,
                        "x-mock-fault",
                        "http_429");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(fixture.gate.last().end())
                .isEqualTo(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
        assertThat(fixture.gate.last().usage()).isEqualTo(Settlement.Usage.NONE);
        HttpResponse<byte[]> retried =
                fixture.sendWithHeaders(
                        "POST",
                        "/v1/embeddings",
                        "application/json",
                        body,
                        "x-mock-fault",
                        "http_429",
                        "x-mock-fault-attempts",
                        "1",
                        "x-stainless-retry-count",
                        "1");
        assertThat(retried.statusCode()).as("the fault hits only the first attempt").isEqualTo(200);
        int admissionsBefore = fixture.gate.admissions.size();
        HttpResponse<byte[]> drip =
                fixture.sendWithHeaders(
                        "POST",
                        "/v1/embeddings",
                        "application/json",
                        body,
                        "x-mock-fault",
                        "slow_drip");
        assertThat(drip.statusCode()).as("a chat-only fault").isEqualTo(400);
        assertThat(MediaFixture.error(drip).path("code").asText()).isEqualTo("invalid_header");
        assertThat(MediaFixture.error(drip).path("message").asText())
                .contains("stall", "stream_reset");
        assertThat(fixture.gate.admissions)
                .as("refused before admission")
                .hasSize(admissionsBefore);
        HttpResponse<byte[]> unknown =
                fixture.sendWithHeaders(
                        "POST",
                        "/v1/embeddings",
                        "application/json",
                        body,
                        "x-mock-fault",
                        "meteor");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * (double) v;
        }
        return Math.sqrt(sum);
    }
}

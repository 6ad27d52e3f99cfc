package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import io.tokenbench.mock.gate.Admission.Rejected;
import io.tokenbench.mock.platform.ErrorStyle;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official openai-java SDK against each style's rejections, served by a JDK HTTP server on
 * loopback: the status maps to the SDK exception a client would see, and the SDK reads {@code
 * error.code} / {@code error.type} where the style has them.
 */
class SdkErrorStyleTest {

    private static final RejectionDetails D =
            new RejectionDetails(
                    "rid-1", "m", 0, 700, 1_000, Instant.EPOCH, Instant.EPOCH.plusSeconds(1));

    private final AtomicReference<Rejected> next = new AtomicReference<>();
    private HttpServer server;
    private OpenAIClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    Rejected r = next.get();
                    r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(r.status(), r.jsonBody().length);
                    exchange.getResponseBody().write(r.jsonBody());
                    exchange.close();
                });
        server.start();
        client =
                OpenAIOkHttpClient.builder()
                        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                        .apiKey("sk-test")
                        .maxRetries(0)
                        .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private <T extends OpenAIServiceException> T call(
            ErrorStyle style, RejectionReason reason, Class<T> expected) {
        next.set(RejectionRenderer.render(style, reason, D));
        return catchThrowableOfType(
                expected,
                () ->
                        client.chat()
                                .completions()
                                .create(
                                        ChatCompletionCreateParams.builder()
                                                .model("m")
                                                .addUserMessage("hi")
                                                .build()));
    }

    @Test
    void newapi() {
        UnauthorizedException invalid =
                call(ErrorStyle.NEWAPI, RejectionReason.EXHAUSTED, UnauthorizedException.class);
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(invalid.type()).contains("new_api_error");
        assertThat(invalid.headers().values("X-Oneapi-Request-Id")).containsExactly("rid-1");
        PermissionDeniedException preConsume =
                call(
                        ErrorStyle.NEWAPI,
                        RejectionReason.PRE_CONSUME_FAILED,
                        PermissionDeniedException.class);
        assertThat(preConsume.code()).contains("pre_consume_token_quota_failed");
        assertThat(
                        call(
                                        ErrorStyle.NEWAPI,
                                        RejectionReason.MODEL_FORBIDDEN,
                                        PermissionDeniedException.class)
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void openai() {
        RateLimitException quota =
                call(ErrorStyle.OPENAI, RejectionReason.EXHAUSTED, RateLimitException.class);
        assertThat(quota.code()).contains("insufficient_quota");
        assertThat(quota.type()).contains("insufficient_quota");
        assertThat(
                        call(
                                        ErrorStyle.OPENAI,
                                        RejectionReason.EXPIRED,
                                        UnauthorizedException.class)
                                .code())
                .contains("invalid_api_key");
        assertThat(
                        call(
                                        ErrorStyle.OPENAI,
                                        RejectionReason.MODEL_FORBIDDEN,
                                        NotFoundException.class)
                                .code())
                .contains("model_not_found");
    }

    @Test
    void openrouter() {
        UnexpectedStatusCodeException limit =
                call(
                        ErrorStyle.OPENROUTER,
                        RejectionReason.EXHAUSTED,
                        UnexpectedStatusCodeException.class);
        assertThat(limit.statusCode()).isEqualTo(402);
        assertThat(
                        call(
                                        ErrorStyle.OPENROUTER,
                                        RejectionReason.UNKNOWN_KEY,
                                        UnauthorizedException.class)
                                .statusCode())
                .isEqualTo(401);
    }

    @Test
    void litellm() {
        RateLimitException budget =
                call(
                        ErrorStyle.LITELLM,
                        RejectionReason.PRE_CONSUME_FAILED,
                        RateLimitException.class);
        assertThat(budget.type()).contains("budget_exceeded");
        assertThat(
                        call(
                                        ErrorStyle.LITELLM,
                                        RejectionReason.EXPIRED,
                                        UnauthorizedException.class)
                                .type())
                .contains("expired_key");
    }
}

package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.gate.Admission.Rejected;
import io.tokenbench.mock.platform.ErrorStyle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every style's status and body for every reason, written out by hand from
 * key-limits-in-gateways.md.
 */
class RejectionRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RejectionDetails D =
            new RejectionDetails(
                    "rid",
                    "gpt-x",
                    400,
                    700,
                    5_000_000,
                    Instant.parse("2026-03-17T12:00:00Z"),
                    Instant.parse("2026-03-17T12:00:01Z"));

    private static void expect(ErrorStyle style, RejectionReason reason, int status, String json)
            throws Exception {
        Rejected r = RejectionRenderer.render(style, reason, D);
        assertThat(r.status()).as(style + " " + reason).isEqualTo(status);
        JsonNode actual = MAPPER.readTree(r.jsonBody());
        assertThat(actual)
                .as(style + " " + reason)
                .isEqualTo(MAPPER.readTree(json.replace('\'', '"')));
        if (style == ErrorStyle.NEWAPI) {
            assertThat(r.headers()).containsEntry("X-Oneapi-Request-Id", "rid");
        } else {
            assertThat(r.headers()).isEmpty();
        }
    }

    @Test
    void newapi() throws Exception {
        String invalid =
                "{'error':{'message':'Invalid token (request id: rid)','type':'new_api_error','code':''}}";
        for (RejectionReason reason :
                new RejectionReason[] {
                    RejectionReason.MISSING_TOKEN,
                    RejectionReason.UNKNOWN_KEY,
                    RejectionReason.DISABLED,
                    RejectionReason.EXPIRED,
                    RejectionReason.EXHAUSTED
                }) {
            expect(ErrorStyle.NEWAPI, reason, 401, invalid);
        }
        expect(
                ErrorStyle.NEWAPI,
                RejectionReason.MODEL_FORBIDDEN,
                403,
                "{'error':{'message':'This token has no access to model gpt-x (request id: rid)','type':'new_api_error','code':''}}");
        expect(
                ErrorStyle.NEWAPI,
                RejectionReason.PRE_CONSUME_FAILED,
                403,
                "{'error':{'message':'token quota is not enough, token remain quota: 0.000400, need quota: 0.000700 (request id: rid)',"
                        + "'type':'new_api_error','param':'','code':'pre_consume_token_quota_failed'}}");
    }

    @Test
    void openai() throws Exception {
        String quota =
                "{'error':{'message':'You exceeded your current quota, please check your plan and billing details.',"
                        + "'type':'insufficient_quota','param':null,'code':'insufficient_quota'}}";
        expect(ErrorStyle.OPENAI, RejectionReason.EXHAUSTED, 429, quota);
        expect(ErrorStyle.OPENAI, RejectionReason.PRE_CONSUME_FAILED, 429, quota);
        String invalid =
                "{'error':{'message':'Incorrect API key provided.','type':'invalid_request_error','param':null,'code':'invalid_api_key'}}";
        expect(ErrorStyle.OPENAI, RejectionReason.UNKNOWN_KEY, 401, invalid);
        expect(ErrorStyle.OPENAI, RejectionReason.DISABLED, 401, invalid);
        expect(ErrorStyle.OPENAI, RejectionReason.EXPIRED, 401, invalid);
        expect(
                ErrorStyle.OPENAI,
                RejectionReason.MISSING_TOKEN,
                401,
                "{'error':{'message':'You didn\\u0027t provide an API key. You need to provide your API key in an Authorization header "
                        + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).','type':'invalid_request_error','param':null,'code':null}}");
        expect(
                ErrorStyle.OPENAI,
                RejectionReason.MODEL_FORBIDDEN,
                404,
                "{'error':{'message':'The model `gpt-x` does not exist or you do not have access to it.',"
                        + "'type':'invalid_request_error','param':null,'code':'model_not_found'}}");
    }

    @Test
    void openrouter() throws Exception {
        String limit =
                "{'error':{'message':'Key limit exceeded. Manage it using https://openrouter.ai/settings/keys','code':402,"
                        + "'metadata':{'limit_source':'openrouter_key_limit'}}}";
        expect(ErrorStyle.OPENROUTER, RejectionReason.EXHAUSTED, 402, limit);
        expect(ErrorStyle.OPENROUTER, RejectionReason.PRE_CONSUME_FAILED, 402, limit);
        expect(
                ErrorStyle.OPENROUTER,
                RejectionReason.EXPIRED,
                401,
                "{'error':{'message':'User not found.','code':401}}");
        expect(
                ErrorStyle.OPENROUTER,
                RejectionReason.MISSING_TOKEN,
                401,
                "{'error':{'message':'No auth credentials found','code':401}}");
        expect(
                ErrorStyle.OPENROUTER,
                RejectionReason.MODEL_FORBIDDEN,
                403,
                "{'error':{'message':'This key has no access to model gpt-x','code':403}}");
    }

    @Test
    void litellm() throws Exception {
        String budget =
                "{'error':{'message':'Budget has been exceeded! Current cost: 4.999600, Max budget: 5.000000',"
                        + "'type':'budget_exceeded','param':null,'code':'429'}}";
        expect(ErrorStyle.LITELLM, RejectionReason.EXHAUSTED, 429, budget);
        expect(ErrorStyle.LITELLM, RejectionReason.PRE_CONSUME_FAILED, 429, budget);
        expect(
                ErrorStyle.LITELLM,
                RejectionReason.EXPIRED,
                401,
                "{'error':{'message':'Authentication Error - Expired Key. Key Expiry time 2026-03-17T12:00:00Z and current time "
                        + "2026-03-17T12:00:01Z','type':'expired_key','param':null,'code':'401'}}");
        expect(
                ErrorStyle.LITELLM,
                RejectionReason.UNKNOWN_KEY,
                401,
                "{'error':{'message':'Authentication Error, Invalid proxy server token passed.','type':'auth_error','param':null,'code':'401'}}");
        expect(
                ErrorStyle.LITELLM,
                RejectionReason.MISSING_TOKEN,
                401,
                "{'error':{'message':'Authentication Error, No api key passed in.','type':'auth_error','param':null,'code':'401'}}");
    }
}

package io.tokenbench.simulations.cli.options;

import io.tokenbench.options.HeaderOptions;
import io.tokenbench.options.HeaderSpec;
import io.tokenbench.simulations.config.Api;
import io.tokenbench.simulations.config.BodyShape;
import io.tokenbench.simulations.config.IntDistribution;
import io.tokenbench.simulations.config.RequestHeaders;
import io.tokenbench.simulations.config.RequestShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How each request is built, for every load command: {@code --api}, {@code --header}, {@code
 * --header-env}, {@code --body-field}, {@code --body-template}, {@code --output-tokens}. Part of
 * {@link CommonOptions}, which turns them into {@link RequestShape}.
 */
public final class RequestOptions {
    @Option(
            names = "--api",
            paramLabel = "API",
            defaultValue = "chat",
            converter = ApiConverter.class,
            description =
                    "chat (/v1/chat/completions) | completions (/v1/completions, a prompt string)"
                            + " | responses (/v1/responses, the first response.output_text.delta"
                            + " is the first token)")
    private Api api;

    @Option(
            names = "--header",
            paramLabel = "'[LANE@]Name: value'",
            description =
                    "an extra header on every request (repeatable; replaces tokenbench's own of"
                            + " the same name). LANE@ sends it to one lane only: gateway or upstream"
                            + " (gateway-overhead), a variant's lane name (model-compare). The value is"
                            + " recorded nowhere; use --header-env for secrets")
    private List<String> headers = new ArrayList<>();

    @Option(
            names = "--header-env",
            paramLabel = "'[LANE@]Name=ENV_VAR'",
            description =
                    "an extra header whose value is read from the environment variable ENV_VAR"
                            + " (repeatable): for secrets; the value never appears in any output")
    private List<String> headerEnv = new ArrayList<>();

    @Option(
            names = "--body-field",
            paramLabel = "key=JSON",
            description =
                    "a top-level field merged into every request body (repeatable; later wins):"
                            + " temperature=0.2, seed=7, response_format={\"type\":\"json_object\"},"
                            + " tools=@tools.json (the file's JSON); a value that is not JSON is sent"
                            + " as a string")
    private List<String> bodyFields = new ArrayList<>();

    @Option(
            names = "--body-template",
            paramLabel = "FILE",
            description =
                    "a JSON object every body starts from (under --body-field); the prompt, model,"
                            + " stream and max tokens come from their own options")
    private Path bodyTemplate;

    @Option(
            names = "--output-tokens",
            paramLabel = "DIST",
            converter = Converters.Distribution.class,
            description =
                    "max tokens drawn per request: N | uniform(a,b) | normal(mean,sd) (seeded);"
                            + " replaces --max-tokens. The summary prints requested vs received")
    private IntDistribution outputTokens;

    @Option(
            names = "--output-tokens-exact",
            description =
                    "also send min_tokens = max tokens and ignore_eos: true (vLLM and SGLang"
                            + " honour them), so every request asks for exactly that length")
    private boolean outputTokensExact;

    /** Whether any header was given with a lane prefix (for error messages). */
    RequestShape shape(Map<String, String> env, List<String> laneNames) {
        List<HeaderSpec> specs = HeaderOptions.parse(headers, headerEnv, env);
        RequestHeaders requestHeaders = new RequestHeaders(specs);
        if (laneNames.isEmpty()) {
            for (HeaderSpec s : specs) {
                if (s.lane().isPresent()) {
                    throw new IllegalArgumentException(
                            HeaderOptions.optionOf(s)
                                    + ": a LANE@ prefix applies only to gateway-overhead and"
                                    + " model-compare, got '"
                                    + s.lane().get()
                                    + "@'");
                }
            }
        } else {
            requestHeaders.requireLanes(laneNames, "--header");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : bodyFields) {
            Map.Entry<String, String> e = BodyShape.parseField(f);
            fields.put(e.getKey(), e.getValue());
        }
        if (outputTokensExact && outputTokens == null) {
            throw new IllegalArgumentException("--output-tokens-exact: needs --output-tokens");
        }
        BodyShape body =
                new BodyShape(
                        fields,
                        Optional.ofNullable(bodyTemplate).map(BodyShape::readTemplate),
                        Optional.ofNullable(outputTokens),
                        outputTokensExact);
        return new RequestShape(api, requestHeaders, body);
    }

    boolean outputTokensGiven() {
        return outputTokens != null;
    }

    /** {@code chat}, {@code completions} or {@code responses}. */
    public static final class ApiConverter implements ITypeConverter<Api> {
        @Override
        public Api convert(String text) {
            try {
                return Api.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

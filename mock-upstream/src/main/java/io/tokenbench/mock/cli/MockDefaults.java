package io.tokenbench.mock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platformadmin.EnforcementOptions;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.options.DurationGrammar;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults {@link MockCommand}'s help shows, taken from their one home ({@link MockConfig},
 * {@link Behavior#DEFAULT}, {@link MediaBehavior#DEFAULT}, {@link EnforcementProfile#DEFAULTS}) so
 * that help and behaviour cannot drift apart. Options whose default is not a value (generated admin
 * token, number of CPUs, no slowdown) have none here and say so in their description.
 */
final class MockDefaults implements IDefaultValueProvider {

    private static final Map<String, String> BY_OPTION = defaults();

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec option
                ? BY_OPTION.get(option.longestName().replace('_', '-'))
                : null;
    }

    private static Map<String, String> defaults() {
        MockConfig config = MockConfig.defaults();
        Behavior behavior = config.behavior();
        Map<String, String> m = new HashMap<>();
        m.put("--host", config.host());
        m.put("--port", Integer.toString(config.port()));
        m.put("--seed", Long.toString(config.seed()));
        m.put("--jit-nice", Integer.toString(JitPriority.DEFAULT_NICE));
        m.put("--ttft", behavior.ttft().spec());
        m.put("--itl", behavior.itl().spec());
        m.put("--output-tokens", behavior.outputTokens().spec());
        m.put("--tokens-per-chunk", Integer.toString(behavior.tokensPerChunk()));
        m.put("--slowdown-factor", "0");
        m.put("--max-body", ByteSize.format(config.maxBodyBytes()));
        m.put("--max-header", ByteSize.format(config.maxHeaderBytes()));
        m.put("--shutdown-grace", DurationGrammar.format(config.shutdownGrace()));
        m.put("--client-timeout", DurationGrammar.format(config.clientIdleTimeout()));
        m.put("--request-deadline", DurationGrammar.format(config.requestDeadline()));
        for (MediaBehavior.Field field : MediaBehavior.Field.values()) {
            m.put(field.option(), behavior.media().get(field).spec());
        }
        // The admin API's JSON view of the profile, so its names and texts are the CLI's too.
        JsonNode profile = EnforcementOptions.toJson(EnforcementProfile.DEFAULTS);
        for (Map.Entry<String, JsonNode> setting : profile.properties()) {
            JsonNode value = setting.getValue();
            m.put(
                    "--" + setting.getKey().replace('_', '-'),
                    value.isNull() ? "off" : value.asText());
        }
        return Map.copyOf(m);
    }
}

package io.tokenbench.simulations.cli;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.simulations.config.RunParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: an in-process mock with a given timing, and parameters pointing at it. */
final class MockedRuns {
    private MockedRuns() {}

    static MockUpstream mock(String ttft, String itl, int outputTokens) {
        Behavior b =
                Behavior.DEFAULT
                        .withTtft(DistParser.durations(ttft))
                        .withItl(DistParser.durations(itl))
                        .withOutputTokens(DistParser.counts(Integer.toString(outputTokens)));
        return MockUpstream.start(
                MockConfig.defaults().withPort(0).withIoThreads(1).withBehavior(b));
    }

    static RunParameters params(MockUpstream mock, Path out, String... options) {
        List<String> all =
                new ArrayList<>(List.of("--base-url", mock.baseUrl(), "--out", out.toString()));
        all.addAll(Arrays.asList(options));
        return CommandLines.parse(all.toArray(String[]::new));
    }
}

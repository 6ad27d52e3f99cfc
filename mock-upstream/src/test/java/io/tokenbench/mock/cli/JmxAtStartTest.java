package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JMX classes behind {@code /admin/stats}' process CPU figure are loaded while the mock starts,
 * before it listens: loaded by the first {@code DELETE /admin/stats} instead, they held the event
 * loop for tens of milliseconds right after the lag histogram was reset (a stall of every stream in
 * the soak's measured window).
 */
class JmxAtStartTest {

    private static final String OS_BEAN = "com.sun.management.internal.OperatingSystemImpl";

    @Test
    void theOperatingSystemBeanIsLoadedBeforeTheMockListens() throws Exception {
        Process mock =
                ChildMock.command(
                                List.of("-Xlog:class+load=info:stdout"),
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0")
                        .redirectErrorStream(true)
                        .start();
        try {
            List<String> beforeListening = ChildMock.linesUntilListening(mock);
            assertThat(beforeListening).anyMatch(l -> l.contains(" " + OS_BEAN + " "));
        } finally {
            mock.destroy();
            mock.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

package io.tokenbench.mock.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes by path prefix (not by a longer word sharing it), counts by status, ignores bad input. */
class ResponseCountsTest {

    private final ResponseCounts counts =
            new ResponseCounts(List.of("/v1/chat/completions", "/v1/models", "/admin/keys"));

    @Test
    void aPathBelongsToItsPrefixOnlyAtASegmentOrQueryBoundary() {
        assertThat(counts.routeOf("/v1/chat/completions")).isEqualTo(0);
        assertThat(counts.routeOf("/v1/chat/completions?x=1")).isEqualTo(0);
        assertThat(counts.routeOf("/v1/models/gpt-4o")).isEqualTo(1);
        assertThat(counts.routeOf("/admin/keys/17")).isEqualTo(2);
        assertThat(counts.routeOf("/v1/modelsx")).isEqualTo(counts.other());
        assertThat(counts.routeOf("/v1/chat")).isEqualTo(counts.other());
        assertThat(counts.routeOf("*")).isEqualTo(counts.other());
    }

    @Test
    void countsByRouteAndStatusAndIgnoresWhatCannotBeAStatus() {
        counts.count(0, 200);
        counts.count(0, 200);
        counts.count(0, 429);
        counts.count(counts.other(), 404);
        counts.count(0, 99);
        counts.count(0, 600);
        counts.count(7, 200);
        List<String> seen = new ArrayList<>();
        counts.forEach((route, status, n) -> seen.add(route + " " + status + " " + n));
        assertThat(seen)
                .containsExactly(
                        "/v1/chat/completions 200 2",
                        "/v1/chat/completions 429 1",
                        ResponseCounts.OTHER + " 404 1");
    }
}

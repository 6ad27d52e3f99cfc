package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link MetricDerivation#ttftNanos} (the injector's progress line asks for ttft alone) is exactly
 * the ttft sample the full derivation sends, or none: every endpoint class and outcome, timestamps
 * absent, equal, reversed or far apart, with and without output events.
 */
class TtftShortcutTest {

    @Property(tries = 3000)
    void theShortcutIsTheDerivedTtftSample(@ForAll("timelines") RequestTimeline t) {
        CollectingSink all = new CollectingSink();
        MetricDerivation.derive(t, all);
        List<Long> derived = all.of(Metric.TTFT);
        long shortcut = MetricDerivation.ttftNanos(t);
        if (derived.isEmpty()) {
            assertThat(shortcut).isEqualTo(MetricDerivation.NOT_APPLICABLE);
        } else {
            assertThat(derived).containsExactly(shortcut);
        }
    }

    @Provide
    Arbitrary<RequestTimeline> timelines() {
        Arbitrary<Long> stamp =
                Arbitraries.oneOf(
                        Arbitraries.just(RequestTimeline.ABSENT),
                        Arbitraries.longs().between(-1_000, 5_000_000_000L),
                        Arbitraries.longs());
        Arbitrary<long[]> events =
                stamp.filter(RequestTimeline::present)
                        .list()
                        .ofMaxSize(4)
                        .map(l -> l.stream().mapToLong(Long::longValue).toArray());
        return Combinators.combine(
                        Arbitraries.of(EndpointClass.class),
                        Arbitraries.of(Outcome.class),
                        stamp.list().ofSize(5),
                        events,
                        Arbitraries.longs().between(-1, 100))
                .as(
                        (endpoint, outcome, s, ev, tokens) ->
                                RequestTimeline.builder(endpoint)
                                        .outcome(outcome)
                                        .sched(s.get(0))
                                        .send(s.get(1))
                                        .headers(s.get(2))
                                        .first(s.get(3))
                                        .done(s.get(4))
                                        .outputEvents(ev)
                                        .usage(tokens, tokens)
                                        .images(endpoint == EndpointClass.IMAGES ? 1 : 0)
                                        .build());
    }
}

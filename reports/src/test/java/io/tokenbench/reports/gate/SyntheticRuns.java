package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Block;
import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunHeader;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.PhaseCounts;
import io.tokenbench.reports.record.ValueUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * In-memory runs for gate statistics: {@code blocks} blocks of {@code perBlock} log-normal ttft
 * samples (median {@code medianMs}, sigma 0.5) and matching counts (2 % http_5xx).
 */
final class SyntheticRuns {

    private SyntheticRuns() {}

    static RunData run(long seed, int blocks, int perBlock, double medianMs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Histogram total = new Histogram(3);
        List<Block> list = new ArrayList<>();
        PhaseCounts counts = PhaseCounts.ZERO;
        for (int b = 0; b < blocks; b++) {
            Histogram h = new Histogram(3);
            long errors = 0;
            for (int i = 0; i < perBlock; i++) {
                double u = Math.max(1e-12, rnd.nextDouble());
                double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
                h.recordValue((long) (medianMs * 1e6 * Math.exp(0.5 * z)));
                if (rnd.nextDouble() < 0.02) {
                    errors++;
                }
            }
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            outcomes.put(Outcome.OK, perBlock - errors);
            outcomes.put(Outcome.HTTP_5XX, errors);
            PhaseCounts c =
                    new PhaseCounts(
                            perBlock,
                            perBlock,
                            perBlock,
                            outcomes,
                            0,
                            0,
                            perBlock - errors,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0);
            counts = counts.plus(c);
            total.add(h);
            list.add(new Block(Map.of("ttft", h), c));
        }
        RunHeader header =
                new RunHeader(
                        "synthetic",
                        "synthetic",
                        "-",
                        "2025-11-28T00:00:00Z",
                        new LoadModel.Open(perBlock),
                        0,
                        blocks * 1000L,
                        0,
                        1000,
                        blocks,
                        Map.of());
        return new RunData(
                "seed " + seed,
                header,
                Optional.empty(),
                Map.of("ttft", new SeriesData("ttft", ValueUnit.NANOS_AS_MILLIS, total, List.of())),
                counts,
                List.of(),
                list);
    }
}

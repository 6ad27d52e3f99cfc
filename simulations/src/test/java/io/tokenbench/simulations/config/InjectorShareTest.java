package io.tokenbench.simulations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.simulations.cli.CommandLines;
import io.tokenbench.simulations.feeders.PromptSet;
import io.tokenbench.simulations.load.ArrivalSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InjectorShareTest {

    @Test
    void scheduleSharesAreDisjointAndTogetherExactlyTheFullSchedule() {
        ArrivalSchedule full =
                ArrivalSchedule.of(new LoadModel.ConstantRate(40, true), Duration.ofSeconds(20), 7);
        for (int count : new int[] {1, 2, 3, 7}) {
            // offset -> how many times it appears across all shares (Poisson offsets are distinct
            // with probability 1)
            Map<Long, Integer> seen = new TreeMap<>();
            int total = 0;
            for (int index = 0; index < count; index++) {
                ArrivalSchedule share = full.share(index, count);
                for (int k = 0; k < share.size(); k++) {
                    assertThat(share.offsetNanos(k)).isEqualTo(full.offsetNanos(index + k * count));
                    seen.merge(share.offsetNanos(k), 1, Integer::sum);
                }
                total += share.size();
            }
            assertThat(total).as("count %d", count).isEqualTo(full.size());
            assertThat(seen.values()).allMatch(n -> n == 1);
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < full.size(); i++) {
                all.add(full.offsetNanos(i));
            }
            assertThat(seen.keySet()).containsExactlyElementsOf(all);
        }
    }

    @Test
    void shareOfAShortScheduleCanBeEmptyButNeverOverlaps() {
        ArrivalSchedule full =
                ArrivalSchedule.of(new LoadModel.ConstantRate(2, false), Duration.ofSeconds(1), 1);
        assertThat(full.size()).isEqualTo(2);
        assertThat(full.share(0, 3).size()).isEqualTo(1);
        assertThat(full.share(1, 3).size()).isEqualTo(1);
        assertThat(full.share(2, 3).size()).isZero();
    }

    @Test
    void promptSharesAreDisjointSlicesOfOneSequence() {
        PromptSet full =
                PromptSet.load(new PromptSpec.Synthetic(IntDistribution.parse("uniform(5,50)")), 3);
        int count = 3;
        for (int index = 0; index < count; index++) {
            PromptSet share = full.share(new InjectorShare(index, count));
            for (int k = 0; k < 20; k++) {
                assertThat(share.prompt(k)).isEqualTo(full.prompt((long) k * count + index));
            }
        }
        PromptSet bundled = PromptSet.load(new PromptSpec.Bundled(), 3);
        assertThat(bundled.share(new InjectorShare(2, 3)).fixedIndex(4))
                .isEqualTo(bundled.fixedIndex(14));
    }

    @Test
    void closedUsersAreSplitWithoutLossOrOverlap() {
        for (int users : new int[] {3, 10, 11, 64}) {
            int sum = 0;
            for (int index = 0; index < 3; index++) {
                sum += new InjectorShare(index, 3).usersOf(users);
            }
            assertThat(sum).isEqualTo(users);
        }
        assertThatThrownBy(() -> new InjectorShare(2, 3).usersOf(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--injector-count");
    }

    @Test
    void ownershipPartitionsGlobalIndexes() {
        for (long g = 0; g < 100; g++) {
            int owners = 0;
            for (int index = 0; index < 4; index++) {
                InjectorShare s = new InjectorShare(index, 4);
                if (s.owns(g)) {
                    owners++;
                    assertThat(s.globalIndex(g / 4)).isEqualTo(g);
                }
            }
            assertThat(owners).isEqualTo(1);
        }
    }

    @Test
    void badIndexOrCountNamesTheOption() {
        assertThatThrownBy(() -> params("--injector-count", "0"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--injector-count");
        assertThatThrownBy(() -> params("--injector-count", "3", "--injector-index", "3"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--injector-index");
        assertThatThrownBy(() -> params("--injector-count", "3", "--injector-index", "-1"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--injector-index");
        assertThatThrownBy(() -> params("--injector-count", "two"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--injector-count");
        assertThatThrownBy(() -> params("--injector-count", "3", "--api-key-env", "A,B"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--api-key-env");
        assertThatThrownBy(() -> params("sweep", "--injector-count", "2"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--injector-count");
    }

    @Test
    void environmentGivesDefaultsTheCommandLineOverrides() {
        Map<String, String> env =
                Map.of("JOB_COMPLETION_INDEX", "2", "TOKENBENCH_INJECTOR_COUNT", "4");
        RunParameters fromEnv = CommandLines.parse(Map.of(), env);
        assertThat(fromEnv.injectors()).isEqualTo(new InjectorShare(2, 4));
        RunParameters overridden = CommandLines.parse(Map.of(), env, "--injector-index", "1");
        assertThat(overridden.injectors()).isEqualTo(new InjectorShare(1, 4));
        assertThat(params().injectors()).isEqualTo(InjectorShare.SINGLE);
    }

    @Test
    void eachInjectorReadsItsOwnKeyVariableAndItsShareOfClosedUsers() {
        RunParameters p =
                params(
                        "--injector-count",
                        "3",
                        "--injector-index",
                        "1",
                        "--api-key-env",
                        "K0, K1,K2",
                        "--concurrency",
                        "10");
        assertThat(p.apiKeyEnv()).isEqualTo("K1");
        assertThat(p.load()).isEqualTo(new LoadModel.Concurrency(3));
        assertThat(new InjectorShare(1, 3).tag()).isEqualTo("-i1of3");
        assertThat(InjectorShare.SINGLE.tag()).isEmpty();
    }

    private static RunParameters params(String... options) {
        return CommandLines.parse(options);
    }
}

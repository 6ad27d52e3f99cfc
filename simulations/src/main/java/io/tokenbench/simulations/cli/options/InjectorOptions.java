package io.tokenbench.simulations.cli.options;

import io.tokenbench.simulations.config.InjectorShare;
import picocli.CommandLine.Option;

/**
 * This process's share of a run split across injector processes ({@code run}, {@code calibrate}).
 * Without the options, the environment of a Kubernetes Indexed Job gives them ({@link
 * PropertyDefaults}).
 */
public final class InjectorOptions {
    @Option(
            names = "--injector-index",
            paramLabel = "I",
            description =
                    "this injector's index 0..N-1 when the load is split across N injector"
                            + " processes.%n  Default: $"
                            + InjectorShare.INDEX_ENV
                            + ", else 0")
    private Integer index;

    @Option(
            names = "--injector-count",
            paramLabel = "N",
            description =
                    "number of injector processes sharing the load; each takes every N-th arrival,"
                            + " prompt and closed-model user.%n  Default: $"
                            + InjectorShare.COUNT_ENV
                            + ", else 1")
    private Integer count;

    /**
     * The share these options give.
     *
     * @throws IllegalArgumentException naming the option when out of range
     */
    public InjectorShare share() {
        return new InjectorShare(index == null ? 0 : index, count == null ? 1 : count);
    }
}

package io.tokenbench.simulations.config;

import java.util.List;

/**
 * This injector's share of a run split across {@code count} injector processes (a Kubernetes
 * Indexed Job, or several hosts): injector {@code index} owns every request whose global index
 * {@code g} satisfies {@code g % count == index}. So the shares of all indexes are disjoint and
 * their union is exactly the single-injector run: the same seeded arrival schedule, the same prompt
 * sequence. A single injector is {@code (0, 1)}.
 */
public record InjectorShare(int index, int count) {
    /** Where an Indexed Job puts the pod's index. */
    public static final String INDEX_ENV = "JOB_COMPLETION_INDEX";

    /** The injector count when {@code --injector-count} is not given. */
    public static final String COUNT_ENV = "TOKENBENCH_INJECTOR_COUNT";

    public static final InjectorShare SINGLE = new InjectorShare(0, 1);

    public InjectorShare {
        if (count < 1) {
            throw new IllegalArgumentException("--injector-count: must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(
                    "--injector-index: must be in 0.."
                            + (count - 1)
                            + " for "
                            + count
                            + " injector(s), got "
                            + index);
        }
    }

    public boolean isSplit() {
        return count > 1;
    }

    /** True when global request {@code globalIndex} belongs to this injector. */
    public boolean owns(long globalIndex) {
        return Math.floorMod(globalIndex, count) == index;
    }

    /** The global index of this injector's {@code local}-th request. */
    public long globalIndex(long local) {
        return local * count + index;
    }

    /**
     * This injector's number of closed-model users out of {@code users} (users {@code g % count ==
     * index}).
     */
    public int usersOf(int users) {
        int mine = users / count + (index < users % count ? 1 : 0);
        if (mine == 0) {
            throw new IllegalArgumentException(
                    "--injector-count: concurrency("
                            + users
                            + ") leaves injector "
                            + index
                            + " of "
                            + count
                            + " without users");
        }
        return mine;
    }

    /**
     * This injector's API-key variable from {@code names}: one name is shared by every injector; a
     * list (comma-separated in {@code --api-key-env}) must hold one name per injector and injector
     * {@code i} takes the {@code i}-th, so no two injectors use the same key.
     */
    public String keyVariable(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() != count) {
            throw new IllegalArgumentException(
                    "--api-key-env: "
                            + names.size()
                            + " variable names given for "
                            + count
                            + " injector(s): give one, or one per injector");
        }
        return names.get(index);
    }

    /**
     * Suffix of this injector's run folder and lane names: {@code -i1of3}; empty for a single
     * injector.
     */
    public String tag() {
        return isSplit() ? "-i" + index + "of" + count : "";
    }
}

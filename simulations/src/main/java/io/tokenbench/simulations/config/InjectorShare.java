package io.tokenbench.simulations.config;

import java.util.List;
import java.util.Map;

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
            throw new ParameterException(
                    Parameter.INJECTOR_COUNT.key(), "must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new ParameterException(
                    Parameter.INJECTOR_INDEX.key(),
                    "must be in 0.."
                            + (count - 1)
                            + " for "
                            + count
                            + " injector(s), got "
                            + index);
        }
    }

    /**
     * Reads both options; a missing count is 1, a missing index 0 (each validated, errors name the
     * option).
     */
    static InjectorShare from(ParameterSource src) {
        int count =
                src.isSet(Parameter.INJECTOR_COUNT)
                        ? wholeNumber(Parameter.INJECTOR_COUNT, src)
                        : 1;
        int index =
                src.isSet(Parameter.INJECTOR_INDEX)
                        ? wholeNumber(Parameter.INJECTOR_INDEX, src)
                        : 0;
        return new InjectorShare(index, count);
    }

    private static int wholeNumber(Parameter p, ParameterSource src) {
        String t = src.require(p);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new ParameterException(p.key(), "'" + t + "' is not a whole number");
        }
    }

    /**
     * The environment's defaults for the two options ({@link #INDEX_ENV}, {@link #COUNT_ENV}), as
     * parameter values under the option keys; the command line and system properties win over them.
     */
    public static Map<String, String> environmentDefaults(Map<String, String> env) {
        Map<String, String> out = new java.util.HashMap<>();
        String index = env.get(INDEX_ENV);
        String count = env.get(COUNT_ENV);
        if (index != null && !index.isBlank()) {
            out.put(Parameter.INJECTOR_INDEX.key(), index.strip());
        }
        if (count != null && !count.isBlank()) {
            out.put(Parameter.INJECTOR_COUNT.key(), count.strip());
        }
        return out;
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
            throw new ParameterException(
                    Parameter.INJECTOR_COUNT.key(),
                    "concurrency("
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
            throw new ParameterException(
                    Parameter.API_KEY_ENV.key(),
                    names.size()
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

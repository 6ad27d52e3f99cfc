package io.tokenbench.simulations.load;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.simulations.config.MediaMix;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The mixed scenario's one open-model schedule: a single merged arrival stream (Poisson at the sum
 * of the class rates, or the shape of {@code --load}), each arrival's endpoint class drawn by the
 * mix's weights from a seeded generator, then split into one sub-schedule per class. Thinning a
 * Poisson stream by independent weighted draws gives independent Poisson streams at the class
 * rates, so this equals one Poisson process per class, while keeping one seed, one anchor and one
 * arrival sequence that splits across injectors the same way as any other run (each injector takes
 * every N-th arrival of the merged stream, whatever its class). Pure and deterministic.
 */
public final class MixedSchedule {
    private static final long CLASS_SEED_SALT = 0x6D1D3A5E5C0FFEEL;

    private MixedSchedule() {}

    /** The class of every arrival of {@code merged}, drawn with {@code seed}. */
    public static EndpointClass[] classes(ArrivalSchedule merged, MediaMix mix, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ CLASS_SEED_SALT);
        EndpointClass[] present = mix.ratesPerSec().keySet().toArray(EndpointClass[]::new);
        double[] cumulative = new double[present.length];
        double sum = 0;
        for (int k = 0; k < present.length; k++) {
            sum += mix.share(present[k]);
            cumulative[k] = sum;
        }
        EndpointClass[] out = new EndpointClass[merged.size()];
        for (int i = 0; i < out.length; i++) {
            double u = random.nextDouble() * sum;
            int k = 0;
            while (k < present.length - 1 && u >= cumulative[k]) {
                k++;
            }
            out[i] = present[k];
        }
        return out;
    }

    /**
     * Injector {@code index} of {@code count}'s sub-schedule per class (every class of the mix,
     * possibly empty): arrivals {@code i} of the merged stream with {@code i mod count == index},
     * by class.
     */
    public static Map<EndpointClass, ArrivalSchedule> split(
            ArrivalSchedule merged, MediaMix mix, long seed, int index, int count) {
        EndpointClass[] classes = classes(merged, mix, seed);
        Map<EndpointClass, ArrivalSchedule> out = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : mix.ratesPerSec().keySet()) {
            out.put(c, merged.select(i -> i % count == index && classes[i] == c));
        }
        return Collections.unmodifiableMap(out);
    }
}

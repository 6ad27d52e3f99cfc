package io.tokenbench.mock.behavior;

/**
 * Derives a request's random seed from the server seed, the request body and the request number (or
 * {@code x-mock-seed}), so every draw is reproducible: the same {@code --seed}, body and number
 * give the same timing, length, text and fault.
 */
public final class RequestSeed {

    private RequestSeed() {}

    public static long of(long serverSeed, long bodyHash, long requestNumber) {
        return mix(mix(serverSeed ^ 0x9E3779B97F4A7C15L) ^ bodyHash)
                ^ mix(requestNumber + 0x632BE59BD9B4E019L);
    }

    /** SplitMix64's finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

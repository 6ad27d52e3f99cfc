package io.tokenbench.mock.testing;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Counts the leaks Netty's detector reports, by installing a detector factory before any Netty
 * buffer class loads (see {@link InstallLeakCounter}). The level comes from {@code
 * -Dio.netty.leakDetection.level} (PARANOID in this module's surefire configuration).
 */
public final class LeakCounter {

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static volatile boolean installed;

    private LeakCounter() {}

    static synchronized void install() {
        if (installed) {
            return;
        }
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(
                new ResourceLeakDetectorFactory() {
                    @Override
                    @SuppressWarnings("deprecation")
                    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                            Class<T> resource, int samplingInterval, long maxActive) {
                        return new ResourceLeakDetector<T>(resource, samplingInterval) {
                            @Override
                            protected void reportTracedLeak(String resourceType, String records) {
                                LEAKS.add(resourceType + records);
                                super.reportTracedLeak(resourceType, records);
                            }

                            @Override
                            protected void reportUntracedLeak(String resourceType) {
                                LEAKS.add(resourceType);
                                super.reportUntracedLeak(resourceType);
                            }
                        };
                    }
                });
        installed = true;
    }

    public static boolean installed() {
        return installed;
    }

    /** Leak reports so far. */
    public static Queue<String> leaks() {
        return LEAKS;
    }
}

package io.tokenbench.reports.model;

/**
 * Where the load generator ran.
 *
 * @param os {@code os.name os.version}
 * @param arch {@code os.arch}
 * @param cpus available processors
 * @param java {@code java.vm.name java.version}
 * @param maxHeapMibs the JVM's max heap in MiB
 */
public record Machine(String os, String arch, int cpus, String java, long maxHeapMibs) {

    /** The machine this JVM runs on. */
    public static Machine current() {
        return new Machine(
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}

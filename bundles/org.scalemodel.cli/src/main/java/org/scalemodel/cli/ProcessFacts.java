package org.scalemodel.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** Facts about this JVM process for start-up and memory figures. */
final class ProcessFacts {

    private ProcessFacts() {
    }

    /**
     * @return the JVM's start in epoch milliseconds, as the JVM recorded it early in its own
     *         initialisation (millisecond precision). The operating system's process start time
     *         would include a few more milliseconds of boot, but Linux derives it from a boot
     *         time with one-second resolution, which makes it useless at this scale.
     */
    static long startEpochMillis() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** @return resident set size in MiB from {@code /proc/self/status}, empty where there is none */
    static OptionalDouble residentMebibytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalDouble.empty();
        }
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024.0).findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** @return heap in use, in MiB */
    static double heapUsedMebibytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}

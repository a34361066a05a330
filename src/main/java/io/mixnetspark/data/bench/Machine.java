package io.mixnetspark.data.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code Machine} describes the computer a benchmark ran on, for the report. */
public final class Machine {

    private Machine() {}

    /**
     * CPU model (from /proc/cpuinfo where there is one), core count and load.
     *
     * @return one line
     */
    public static String describe() {
        String cpu = System.getProperty("os.arch");
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            } catch (IOException | RuntimeException e) {
                cpu = System.getProperty("os.arch");
            }
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores visible, load average "
                + String.format(java.util.Locale.ROOT, "%.1f", load) + " when the report was written";
    }
}

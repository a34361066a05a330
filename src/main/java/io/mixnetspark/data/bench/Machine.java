package io.mixnetspark.data.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code Machine} describes the computer a benchmark ran on, for the report, including the native
 * allocator PyTorch's tensors come from (glibc's unless the launcher preloaded another one).
 */
public final class Machine {

    private Machine() {}

    /**
     * CPU model (from /proc/cpuinfo where there is one), core count, load and native allocator.
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
                + String.format(java.util.Locale.ROOT, "%.1f", load) + " when the report was written, malloc: "
                + allocator();
    }

    /**
     * The malloc in this process: {@code tcmalloc} or {@code jemalloc} when its library is mapped
     * (preloaded), else {@code glibc}; {@code unknown} where /proc/self/maps cannot be read.
     *
     * @return the allocator's name
     */
    public static String allocator() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(Machine::allocatorIn).filter(a -> a != null).findFirst().orElse("glibc");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The allocator a /proc/self/maps line maps, or null when it maps neither library. */
    static String allocatorIn(String mapsLine) {
        if (mapsLine.contains("libtcmalloc")) {
            return "tcmalloc";
        }
        return mapsLine.contains("libjemalloc") ? "jemalloc" : null;
    }
}

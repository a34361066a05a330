package io.mixnetspark.data.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Machine}: the report line names the CPU, the cores and the malloc this JVM runs on. */
class MachineTest {

    @Test
    void namesTheAllocatorThatIsMappedIntoThisProcess() {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        String expected = preload.contains("tcmalloc") ? "tcmalloc" : preload.contains("jemalloc") ? "jemalloc" : "glibc";
        assertEquals(expected, Machine.allocator(), "LD_PRELOAD=" + preload);
    }

    @Test
    void recognisesPreloadedAllocatorsInMapsLines() {
        assertEquals("tcmalloc", Machine.allocatorIn(
                "7f1c2a000000-7f1c2a020000 r-xp 00000000 fe:01 1234 /usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4.5.10"));
        assertEquals("jemalloc", Machine.allocatorIn(
                "7f1c2b000000-7f1c2b0b0000 r-xp 00000000 fe:01 1235 /usr/lib/x86_64-linux-gnu/libjemalloc.so.2"));
        assertNull(Machine.allocatorIn("7f1c2c000000-7f1c2c1d0000 r-xp 00000000 fe:01 1236 /usr/lib/x86_64-linux-gnu/libc.so.6"));
    }

    @Test
    void describesCoresAndAllocator() {
        String line = Machine.describe();
        assertTrue(line.contains(Runtime.getRuntime().availableProcessors() + " cores visible"), line);
        assertTrue(line.endsWith("malloc: " + Machine.allocator()), line);
    }
}

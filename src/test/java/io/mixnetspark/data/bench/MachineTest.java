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
        String expected = preload.contains("tcmalloc") ? "tcmalloc"
                : preload.contains("jemalloc") ? "jemalloc" : "glibc";
        assertEquals(expected, Machine.allocator(), "LD_PRELOAD=" + preload);
    }

    @Test
    void recognisesPreloadedAllocatorsInMapsLines() {
        String mapping = "7f1c2a000000-7f1c2a020000 r-xp 00000000 fe:01 1234 /usr/lib/x86_64-linux-gnu/";
        assertEquals("tcmalloc", Machine.allocatorIn(mapping + "libtcmalloc_minimal.so.4.5.10"));
        assertEquals("jemalloc", Machine.allocatorIn(mapping + "libjemalloc.so.2"));
        assertNull(Machine.allocatorIn(mapping + "libc.so.6"));
    }

    @Test
    void describesCoresAndAllocator() {
        String line = Machine.describe();
        assertTrue(line.contains(Runtime.getRuntime().availableProcessors() + " cores visible"), line);
        assertTrue(line.endsWith("malloc: " + Machine.allocator()), line);
    }
}

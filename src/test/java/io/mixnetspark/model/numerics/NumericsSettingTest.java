package io.mixnetspark.model.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.blocks.FastPath;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The setting that forces fast paths: names, and a clear error for a bad one. */
class NumericsSettingTest {

    @Test
    void forcedSettingsNameNoneAllOrPaths() {
        assertEquals(EnumSet.noneOf(FastPath.class), Numerics.parse("none", "s"));
        assertEquals(EnumSet.allOf(FastPath.class), Numerics.parse(" ALL ", "s"));
        assertEquals(EnumSet.of(FastPath.CHANNELS_LAST, FastPath.POINTWISE_MATMUL),
                Numerics.parse("pointwise_matmul, channels_last", "s"));
    }

    @Test
    void anUnknownPathFailsNamingTheSettingAndTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Numerics.parse("channels_last,turbo", "MIXNET_FAST_PATHS=channels_last,turbo"));
        assertTrue(e.getMessage().startsWith("MIXNET_FAST_PATHS=channels_last,turbo: unknown fast path 'turbo'"),
                e.getMessage());
        for (FastPath path : FastPath.values()) {
            assertTrue(e.getMessage().contains(path.key()), e.getMessage());
        }
        assertTrue(e.getMessage().endsWith("or auto, none, all"), e.getMessage());
    }
}

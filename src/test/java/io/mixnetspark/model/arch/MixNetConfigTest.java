package io.mixnetspark.model.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link MixNetConfig} refuses sizes that would ask for unbounded memory, naming the value and the limit. */
class MixNetConfigTest {

    @Test
    void multipliersAreBoundedAboveAndBelow() {
        for (double width : new double[] {200, Double.POSITIVE_INFINITY, Double.NaN, 0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MixNetConfig.builder(MixNetVariant.MIXNET_M).optWidthMultiplier(width).build());
            assertTrue(e.getMessage().startsWith("widthMultiplier must be in (0, 4.0]")
                    && e.getMessage().contains("MAX_WIDTH_MULTIPLIER") && e.getMessage().endsWith("got " + width),
                    e.getMessage());
        }
        for (double depth : new double[] {64, Double.POSITIVE_INFINITY, Double.NaN, 0}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MixNetConfig.builder(MixNetVariant.MIXNET_S).optDepthMultiplier(depth).build());
            assertTrue(e.getMessage().contains("MAX_DEPTH_MULTIPLIER") && e.getMessage().endsWith("got " + depth),
                    e.getMessage());
        }
        MixNetConfig largest = MixNetConfig.builder(MixNetVariant.MIXNET_S)
                .optWidthMultiplier(MixNetConfig.MAX_WIDTH_MULTIPLIER)
                .optDepthMultiplier(MixNetConfig.MAX_DEPTH_MULTIPLIER).build();
        assertEquals(4.0, largest.widthMultiplier());
    }
}

package io.mixnetspark.model.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The architecture tables resolve to the published sizes (spec sections 1.15, 2.1, 2.2). */
class ArchitecturePlanTest {

    private static ArchitecturePlan plan(String name, double width, double depth) {
        return ArchitecturePlan.resolve(MixNetConfig.builder(MixNetVariant.fromName(name))
                .optWidthMultiplier(width).optDepthMultiplier(depth).build());
    }

    @ParameterizedTest
    @CsvSource({
        // variant, trainable params, BN buffer elements, blocks, conv+FC MACs at 224 and 128, paper MACs
        "mixnet_s, 4134606, 32192, 16, 239173360, 79650000, 256000000",
        "mixnet_m, 5014382, 41712, 19, 339172672, 112510000, 360000000",
        "mixnet_l, 7329252, 54272, 19, 555251792, 183600000, 565000000",
    })
    void variantsHaveTheReferenceSizes(
            String name, long params, long buffers, int blocks, long convFc224, long convFc128, long paper) {
        ArchitecturePlan p = plan(name, 1.0, 1.0);
        assertEquals(params, p.trainableParameters());
        assertEquals(buffers, p.batchNormBufferElements());
        assertEquals(blocks, p.blocks().size());
        assertEquals(convFc224, MacCount.of(p, 224).convFcMacs());
        // the reference's 128x128 counts are given to 0.01 M
        assertEquals(convFc128, MacCount.of(p, 128).convFcMacs(), 5000);
        double ratio = (double) MacCount.of(p, 224).macs() / paper;
        assertTrue(Math.abs(ratio - 1) <= 0.03, name + " paper-style MACs off by " + (ratio - 1));
    }

    @ParameterizedTest
    @CsvSource({
        // timm's experimental XL and XXL: M's table at width 1.6/depth 1.2 and 2.4/1.3 (spec 2.1)
        "1.6, 1.2, 11896768",
        "2.4, 1.3, 23961752",
    })
    void widthAndDepthMultipliersReproduceTimmCustomSizes(double width, double depth, long params) {
        ArchitecturePlan p = plan("mixnet_m", width / 1.0, depth);
        assertEquals(params, p.trainableParameters());
    }

    @Test
    void mixnetSBlocksMatchTheDerivedTable() {
        List<ResolvedBlock> blocks = plan("mixnet_s", 1, 1).blocks();
        ResolvedBlock b20 = blocks.get(3);
        assertEquals("blocks.2.0", b20.timmPath());
        assertEquals(144, b20.midChannels());
        assertArrayEquals(new int[] {3, 5, 7}, b20.kernelSizes());
        assertEquals(12, b20.seChannels());
        assertEquals(17468, b20.trainableParameters());
        ResolvedBlock b40 = blocks.get(10);
        assertEquals("blocks.4.0", b40.timmPath());
        assertEquals(1, b40.stride());
        assertTrue(!b40.hasSkip(), "80 -> 120 has no skip");
        assertEquals(655700, blocks.get(15).trainableParameters());
        assertTrue(blocks.get(0).hasSkip(), "the DS block keeps its input");
    }

    @Test
    void dropPathRampsLinearlyOverBlocks() {
        ArchitecturePlan p = ArchitecturePlan.resolve(
                MixNetConfig.builder(MixNetVariant.MIXNET_S).optDropPathRate(0.16f).build());
        assertEquals(0f, p.blocks().get(0).dropPathRate());
        assertEquals(0.16f * 15 / 16, p.blocks().get(15).dropPathRate(), 1e-7);
        assertEquals(0f, p.blocks().get(1).dropPathRate(), "no skip, no drop-path");
    }

    @Test
    void channelRulesFollowTimm() {
        assertArrayEquals(new int[] {34, 33, 33}, ChannelMath.splitChannels(100, 3));
        assertEquals(32, ChannelMath.roundChannels(24, 1.3));
        assertEquals(104, ChannelMath.roundChannels(80, 1.3));
        assertEquals(264, ChannelMath.roundChannels(200, 1.3));
    }

    @Test
    void badBlockStringsAndNamesFailClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockStringDecoder.decode("ir_r1_k3_x9_s1_e6_c24", Activation.RELU));
        assertTrue(e.getMessage().contains("x9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MixNetVariant.fromName("mixnet_xs"));
        assertTrue(e.getMessage().contains("mixnet_s, mixnet_m, mixnet_l"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BlockStringDecoder.decode("ir_r1_k4_s1_e6_c24", Activation.RELU));
        assertThrows(IllegalArgumentException.class,
                () -> MixNetConfig.builder(MixNetVariant.MIXNET_S).optNumClasses(0).build());
    }
}

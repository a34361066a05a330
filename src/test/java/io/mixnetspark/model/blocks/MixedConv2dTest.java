package io.mixnetspark.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.ChannelMath;
import org.junit.jupiter.api.Test;

/**
 * {@link MixedConv2d}'s shortcuts (one grouped convolution for equal pointwise groups; in eval, one
 * depthwise convolution over zero-padded kernels) give what MixConv defines: each channel group
 * through its own convolution, outputs concatenated.
 */
class MixedConv2dTest {

    @Test
    void depthwiseGroupsWithMixedKernelsAndStrideMatchTheirOwnConvolutions() {
        assertMatchesPerGroup(new MixedConv2d(13, 13, new int[] {3, 5, 7, 9}, 2, true), 13);
        assertMatchesPerGroup(new MixedConv2d(12, 12, new int[] {3, 5}, 1, true), 12);
    }

    @Test
    void pointwiseGroupsEqualOrNotMatchTheirOwnConvolutions() {
        assertMatchesPerGroup(new MixedConv2d(8, 12, new int[] {1, 1}, 1, false), 8);
        assertMatchesPerGroup(new MixedConv2d(9, 10, new int[] {1, 1}, 1, false), 9);
        // narrow equal groups run in eval as one dense convolution over block-diagonal weights
        assertMatchesPerGroup(new MixedConv2d(12, 9, new int[] {1, 1, 1}, 1, false), 12);
    }

    private static void assertMatchesPerGroup(MixedConv2d conv, int inChannels) {
        try (NDManager manager = OfflineEngine.pytorch().newBaseManager()) {
            Shape input = new Shape(2, inChannels, 15, 15);
            conv.initialize(manager, DataType.FLOAT32, input);
            ParameterStore ps = new ParameterStore(manager, false);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.randomNormal(input);
                float[] expected = perGroup(ps, conv, x, inChannels).toFloatArray();
                for (boolean training : new boolean[] {false, true}) {
                    NDArray out = conv.forward(ps, new NDList(x), training).singletonOrThrow();
                    assertEquals(conv.getOutputShapes(new Shape[] {input})[0], out.getShape());
                    assertArrayEquals(expected, out.toFloatArray(), 1e-4f, "training " + training);
                }
            }
        }
    }

    /** MixConv by its definition: split, each group's own convolution block, concatenate. */
    private static NDArray perGroup(ParameterStore ps, MixedConv2d conv, NDArray x, int inChannels) {
        int groups = conv.getChildren().size();
        int[] splits = ChannelMath.splitChannels(inChannels, groups);
        long[] indices = new long[groups - 1];
        long offset = 0;
        for (int g = 0; g < groups - 1; g++) {
            offset += splits[g];
            indices[g] = offset;
        }
        NDList parts = x.split(indices, 1);
        NDList outputs = new NDList();
        for (int g = 0; g < groups; g++) {
            Block own = conv.getChildren().valueAt(g);
            outputs.add(own.forward(ps, new NDList(parts.get(g)), false).singletonOrThrow());
        }
        return NDArrays.concat(outputs, 1);
    }
}

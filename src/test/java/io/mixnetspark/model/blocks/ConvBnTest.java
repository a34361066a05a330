package io.mixnetspark.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.Activation;
import io.mixnetspark.model.numerics.Numerics;
import org.junit.jupiter.api.Test;

/**
 * In eval, a convolution with its BatchNorm folded in gives what the two give one after the other,
 * for a plain and a mixed (per-group) convolution, with non-trivial running statistics, and it
 * follows weights changed between calls; the fold's own temporaries (scaled weights, scale, shift)
 * do not stay on the caller's manager. With an activation after the BatchNorm, the eval result
 * equals the activation applied to the unfolded pair both where the activation is fused into the
 * convolution (gradient mode off, where this JVM's numerics self-check kept the path) and where it
 * is not (gradient mode on).
 */
class ConvBnTest {

    @Test
    void foldedEvalEqualsConvThenBatchNormForPlainAndMixedConvolutions() {
        assertFoldMatches(Layers.conv(8, 3, 2, 1, false), 5);
        assertFoldMatches(new MixedConv2d(6, 6, new int[] {3, 5, 7}, 1, true), 6);
        assertFoldMatches(new MixedConv2d(6, 9, new int[] {1, 1}, 1, false), 6);
    }

    @Test
    void activationFusedIntoTheFoldedConvolutionEqualsBatchNormThenActivation() {
        for (Activation activation : Activation.values()) {
            assertActivatedFoldMatches(Layers.conv(8, 3, 2, 1, false), 5, activation);
            assertActivatedFoldMatches(Layers.conv(7, 5, 1, 7, false), 7, activation);
            assertActivatedFoldMatches(new MixedConv2d(6, 6, new int[] {3, 5, 7}, 2, true), 6, activation);
            assertActivatedFoldMatches(new MixedConv2d(6, 9, new int[] {1, 1}, 1, false), 6, activation);
            assertActivatedFoldMatches(new MixedConv2d(64, 64, new int[] {1, 1}, 1, false), 64, activation);
        }
    }

    private static void assertActivatedFoldMatches(Block conv, int inChannels, Activation activation) {
        Numerics.ensureChecked(); // the fast paths this JVM takes
        try (NDManager manager = OfflineEngine.pytorch().newBaseManager()) {
            Shape input = new Shape(2, inChannels, 11, 11);
            BatchNorm bn = initialise(manager, conv, input);
            ParameterStore ps = new ParameterStore(manager, false);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = Layers.channelsLastOnCpu(batch.randomNormal(input), false);
                NDArray normalised = bn.forward(ps, conv.forward(ps, new NDList(x), false), false).singletonOrThrow();
                float[] expected = Layers.activate(activation, normalised).toFloatArray();
                NDArray kernel3 = batch.zeros(new Shape(4, 1, 3, 3));
                boolean recording = JniUtils.isGradMode();
                try {
                    JniUtils.setGradMode(true);
                    assertFalse(ConvActivation.fusable(x, kernel3, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1)),
                            "with gradient mode on the activation runs as its own op");
                    assertArrayEquals(expected, ConvBn.forward(ps, conv, bn, activation, x, false).toFloatArray(),
                            1e-4f, activation + " after the fold, gradient mode on (not fused)");
                    JniUtils.setGradMode(false);
                    assertEquals(FastPaths.enabled(FastPath.FUSED_ACTIVATION),
                            ConvActivation.fusable(x, kernel3, new Shape(2, 2), new Shape(1, 1), new Shape(1, 1)),
                            "a float32 CPU convolution fuses its activation with gradient mode off, where the check"
                                    + " kept the path");
                    int before = batch.getManagedArrays().size();
                    conv.forward(ps, new NDList(x), false);
                    int convAlone = batch.getManagedArrays().size() - before;
                    NDArray fused = ConvBn.forward(ps, conv, bn, activation, x, false);
                    assertEquals(convAlone, batch.getManagedArrays().size() - before - convAlone,
                            "the fused call leaves on the batch's manager only what the convolution alone leaves");
                    assertArrayEquals(expected, fused.toFloatArray(), 1e-4f,
                            activation + " fused into the folded convolution");
                } finally {
                    JniUtils.setGradMode(recording);
                }
            }
        }
    }

    private static BatchNorm initialise(NDManager manager, Block conv, Shape input) {
        conv.initialize(manager, DataType.FLOAT32, input);
        BatchNorm bn = Layers.batchNorm();
        bn.initialize(manager, DataType.FLOAT32, conv.getOutputShapes(new Shape[] {input}));
        randomise(manager, bn, conv.getOutputShapes(new Shape[] {input})[0].get(1));
        return bn;
    }

    private static void assertFoldMatches(Block conv, int inChannels) {
        try (NDManager manager = OfflineEngine.pytorch().newBaseManager()) {
            Shape input = new Shape(2, inChannels, 11, 11);
            BatchNorm bn = initialise(manager, conv, input);
            ParameterStore ps = new ParameterStore(manager, false);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.randomNormal(input);
                assertSame(ps, conv, bn, x);
                // the fold is recomputed per call: change a weight and a statistic, compare again
                conv.getParameters().valueAt(0).getArray().muli(1.5f);
                bn.getParameters().get("runningVar").getArray().muli(0.5f);
                assertSame(ps, conv, bn, x);
                int before = batch.getManagedArrays().size();
                conv.forward(ps, new NDList(x), false);
                int convAlone = batch.getManagedArrays().size() - before;
                ConvBn.forward(ps, conv, bn, x, false);
                assertEquals(convAlone, batch.getManagedArrays().size() - before - convAlone,
                        "the fold leaves on the batch's manager only what the convolution alone leaves");
            }
        }
    }

    private static void assertSame(ParameterStore ps, Block conv, BatchNorm bn, NDArray x) {
        float[] unfolded = bn.forward(ps, conv.forward(ps, new NDList(x), false), false).singletonOrThrow()
                .toFloatArray();
        float[] folded = ConvBn.forward(ps, conv, bn, x, false).toFloatArray();
        assertArrayEquals(unfolded, folded, 1e-4f);
    }

    private static void randomise(NDManager manager, BatchNorm bn, long channels) {
        Shape shape = new Shape(channels);
        bn.getParameters().get("gamma").getArray().set(manager.randomUniform(0.5f, 1.5f, shape).toFloatArray());
        bn.getParameters().get("beta").getArray().set(manager.randomNormal(shape).toFloatArray());
        bn.getParameters().get("runningMean").getArray().set(manager.randomNormal(shape).toFloatArray());
        bn.getParameters().get("runningVar").getArray().set(manager.randomUniform(0.2f, 3f, shape).toFloatArray());
    }
}

package io.mixnetspark.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import io.mixnetspark.model.OfflineEngine;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The TorchScript-reached ops compute what their composed equivalents compute, forward and
 * backward, and leave no tensor behind on their caller's manager beyond the result.
 */
class TorchScriptOpTest {

    private static final Engine ENGINE = OfflineEngine.pytorch();

    @Test
    void siluIsXTimesSigmoidXWithTheSameGradient() {
        try (NDManager manager = ENGINE.newBaseManager()) {
            NDArray x = manager.randomNormal(0, 3, new Shape(2, 5, 7, 7), DataType.FLOAT32);
            float[] fused = TorchScriptOp.SILU.apply(x).toFloatArray();
            float[] composed = x.mul(ai.djl.nn.Activation.sigmoid(x)).toFloatArray();
            assertArrayEquals(composed, fused, 1e-5f);

            float[] fusedGradient = gradient(x, TorchScriptOp.SILU::apply);
            float[] composedGradient = gradient(x, a -> a.mul(ai.djl.nn.Activation.sigmoid(a)));
            assertArrayEquals(composedGradient, fusedGradient, 1e-5f);
        }
    }

    @Test
    void channelsLastKeepsValuesShapeConvolutionResultsAndGradients() {
        try (NDManager manager = ENGINE.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(2, 6, 9, 9));
            NDArray nhwc = TorchScriptOp.CHANNELS_LAST.apply(x);
            assertEquals(x.getShape(), nhwc.getShape());
            assertArrayEquals(x.toFloatArray(), nhwc.toFloatArray(), 0f);

            NDArray depthwise = manager.randomNormal(new Shape(6, 1, 3, 3));
            UnaryOperator<NDArray> conv = a -> Conv2d.conv2d(a, depthwise, null, new Shape(1, 1),
                    new Shape(1, 1), new Shape(1, 1), 6).singletonOrThrow();
            assertArrayEquals(conv.apply(x).toFloatArray(), conv.apply(nhwc).toFloatArray(), 1e-4f);

            assertArrayEquals(gradient(x, a -> conv.apply(a).square()),
                    gradient(x, a -> conv.apply(TorchScriptOp.CHANNELS_LAST.apply(a)).square()), 1e-3f);
        }
    }

    @Test
    void theCallAddsOnlyItsResultToTheManager() {
        try (NDManager manager = ENGINE.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(1, 3, 4, 4));
            TorchScriptOp.SILU.apply(x);
            TorchScriptOp.CHANNELS_LAST.apply(x);
            assertEquals(3, manager.getManagedArrays().size(), "the input and the two results");
        }
    }

    private static float[] gradient(NDArray input, UnaryOperator<NDArray> f) {
        try (NDManager scope = input.getManager().newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(scope);
            x.setRequiresGradient(true);
            try (GradientCollector collector = ENGINE.newGradientCollector()) {
                collector.backward(f.apply(x).sum());
            }
            return x.getGradient().toFloatArray();
        }
    }
}

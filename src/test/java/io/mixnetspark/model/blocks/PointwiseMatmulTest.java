package io.mixnetspark.model.blocks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.Activation;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every way {@link PointwiseMatmul} computes a 1x1 convolution (oneDNN's product with and without
 * a fused activation in the eval forward, PyTorch's BLAS where gradients are recorded and per group)
 * gives the float64 convolution's values, with and without a bias.
 */
class PointwiseMatmulTest {

    private static final Engine ENGINE = OfflineEngine.pytorch();

    @Test
    void everyRouteEqualsTheFloat64Convolution() {
        try (NDManager manager = ENGINE.newBaseManager()) {
            for (int groups : new int[] {1, 2}) {
                NDArray x = TorchScriptOp.CHANNELS_LAST.apply(manager.randomNormal(new Shape(2, 48, 6, 6)));
                NDArray weight = manager.randomNormal(0f, 0.2f, new Shape(40, 48 / groups, 1, 1), DataType.FLOAT32);
                NDArray bias = manager.randomNormal(new Shape(40));
                for (NDArray b : new NDArray[] {bias, null}) {
                    for (Activation activation : new Activation[] {null, Activation.RELU, Activation.SWISH}) {
                        NDArray expected = reference(x, weight, b, groups, activation);
                        for (Set<FastPath> paths : java.util.List.of(EnumSet.of(FastPath.FUSED_ACTIVATION),
                                EnumSet.noneOf(FastPath.class))) {
                            for (boolean recording : new boolean[] {false, true}) {
                                NDArray y = FastPaths.with(paths, () -> GradientMode.with(recording,
                                        () -> PointwiseMatmul.apply(x, weight, b, activation)));
                                double difference = y.toType(DataType.FLOAT64, true).sub(expected).abs().max()
                                        .getDouble() / expected.abs().max().getDouble();
                                assertTrue(difference < 1e-5, "groups " + groups + ", bias " + (b != null)
                                        + ", " + activation + ", " + paths + ", recording " + recording + ": off by "
                                        + difference);
                            }
                        }
                    }
                }
            }
        }
    }

    private static NDArray reference(NDArray x, NDArray weight, NDArray bias, int groups, Activation activation) {
        NDArray y = Conv2d.conv2d(x.toType(DataType.FLOAT64, true).duplicate(), weight.toType(DataType.FLOAT64, true),
                bias == null ? null : bias.toType(DataType.FLOAT64, true), new Shape(1, 1), new Shape(0, 0),
                new Shape(1, 1), groups).singletonOrThrow();
        return activation == null ? y : activation == Activation.RELU ? ai.djl.nn.Activation.relu(y)
                : y.mul(ai.djl.nn.Activation.sigmoid(y));
    }
}

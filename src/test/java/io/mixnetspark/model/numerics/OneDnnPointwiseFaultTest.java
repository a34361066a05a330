package io.mixnetspark.model.numerics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.blocks.FastPath;
import io.mixnetspark.model.blocks.FastPaths;
import io.mixnetspark.model.blocks.GradientMode;
import io.mixnetspark.model.blocks.Layers;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault of issue 25, pinned at its smallest case (docs/numerics.md): oneDNN 3.7.1's {@code
 * brgconv_1x1} computes a float32 1x1 convolution of a channels-last batch of 2 images of 2x2
 * pixels, 8 channels in and 40 out, wrongly with 2 threads on the AMD EPYC (Zen 5) VMs whose CPUID
 * reports no cache sizes. On every machine: whatever the raw op gives, the network's own
 * convolution under the paths this JVM takes matches float64, and where the raw op is wrong this
 * JVM does not run 1x1 convolutions of channels-last batches through oneDNN.
 */
class OneDnnPointwiseFaultTest {

    @Test
    void theNetworkNeverComputesTheFaultyConvolution() {
        NumericsReport report = Numerics.ensureChecked();
        int callerThreads = JniUtils.getNumThreads();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            JniUtils.setNumThreads(2);
            manager.getEngine().setRandomSeed(7);
            Shape input = new Shape(2, 8, 2, 2);
            Conv2d conv = Layers.conv(40, 1, 1, 1, true);
            conv.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomNormal(input);
            NDArray weight = conv.getParameters().get("weight").getArray();
            NDArray bias = conv.getParameters().get("bias").getArray();
            NDArray reference = Conv2d.conv2d(x.toType(DataType.FLOAT64, true), weight.toType(DataType.FLOAT64, true),
                    bias.toType(DataType.FLOAT64, true), new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1)
                    .singletonOrThrow();
            NDArray raw = FastPaths.with(EnumSet.of(FastPath.CHANNELS_LAST), () -> GradientMode.with(false, () ->
                    Conv2d.conv2d(Layers.channelsLastOnCpu(x, false), weight, bias, new Shape(1, 1), new Shape(0, 0),
                            new Shape(1, 1), 1).singletonOrThrow()));
            boolean faulty = difference(raw, reference) > SelfCheck.TOLERANCE;
            NDArray network = GradientMode.with(false, () -> Layers.convolve(new ParameterStore(manager, false), conv,
                    Layers.channelsLastOnCpu(x, false), false));
            assertTrue(difference(network, reference) <= SelfCheck.TOLERANCE,
                    "the network's 1x1 convolution under " + report.summary());
            if (faulty) {
                assertTrue(!report.paths().contains(FastPath.CHANNELS_LAST)
                                || report.paths().contains(FastPath.POINTWISE_MATMUL),
                        "oneDNN's 1x1 convolution is wrong here, yet the JVM takes " + report.summary());
            }
            System.out.println("raw oneDNN 1x1 convolution, channels-last, 2 threads: "
                    + (faulty ? "wrong" : "right") + " on " + report.cpu().summary());
        } finally {
            JniUtils.setNumThreads(callerThreads);
        }
    }

    private static double difference(NDArray result, NDArray reference) {
        return Comparison.worst(List.of(result), List.of(reference), 0f);
    }
}

package io.mixnetspark.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.model.OfflineEngine;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The gradient of a product or quotient with a constant stays right when the garbage collector
 * frees every unreachable Java buffer and NaNs fill the freed memory between the forward and the
 * backward pass. With DJL's {@code x.mul(3f)} in place of {@link ConstantOps#times} the first
 * check fails: the constant's tensor lay in a freed Java buffer, and the gradient came out as
 * whatever that memory held by then (-1.6e38 in the run that checked it).
 */
class ConstantOpsTest {

    @Test
    void gradientsSurviveTheConstantsJavaSideBeingCollected() {
        check(ConstantOps::times, new float[] {3f, 3f, 3f});
        check(ConstantOps::dividedBy, new float[] {1f / 3f, 1f / 3f, 1f / 3f});
    }

    private static void check(BiFunction<NDArray, Float, NDArray> op, float[] expected) {
        try (NDManager manager = OfflineEngine.pytorch().newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(3));
            x.setRequiresGradient(true);
            NDArray y = GradientMode.with(true, () -> op.apply(x, 3f).sum());
            List<ByteBuffer> poison = collectAndPoisonFreedMemory();
            JniUtils.backward((PtNDArray) y, (PtNDArray) manager.ones(y.getShape()), false, false);
            Reference.reachabilityFence(poison); // the NaNs stay where they were put until the backward pass ran
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-6f);
        }
    }

    /** Frees unreachable direct buffers, then allocates small ones full of NaN where they were. */
    private static List<ByteBuffer> collectAndPoisonFreedMemory() {
        System.gc();
        try {
            Thread.sleep(200); // the cleaner frees the buffers on its own thread after the collection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> poison = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, Float.NaN);
            poison.add(b);
        }
        return poison;
    }
}

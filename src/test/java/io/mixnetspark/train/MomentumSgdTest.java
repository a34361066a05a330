package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two SGD steps against updates worked out by hand, with PyTorch's formulas. */
class MomentumSgdTest {

    private static final float[] GRAD1 = {0.5f, 1f};
    private static final float[] GRAD2 = {-1f, 0.25f};

    @Test
    void momentumWithWeightDecayTwoSteps() {
        // w0 = [1, -2], momentum 0.9, weight decay 0.01, lr 0.1 then 0.05.
        // step 1: g = [0.5 + 0.01, 1 - 0.02] = [0.51, 0.98]; buf = g; w1 = w0 - 0.1 * buf = [0.949, -2.098]
        // step 2: g = [-1 + 0.00949, 0.25 - 0.02098] = [-0.99051, 0.22902]
        //         buf = 0.9 * [0.51, 0.98] + g = [-0.53151, 1.11102]; w2 = w1 - 0.05 * buf = [0.9755755, -2.153551]
        float[][] w = twoSteps(false);
        assertArrayEquals(new float[] {0.949f, -2.098f}, w[0], 1e-6f);
        assertArrayEquals(new float[] {0.9755755f, -2.153551f}, w[1], 1e-6f);
    }

    @Test
    void nesterovTwoSteps() {
        // step 1: g = [0.51, 0.98]; buf = g; d = g + 0.9 * buf = [0.969, 1.862]; w1 = [0.9031, -2.1862]
        // step 2: g = [-1 + 0.009031, 0.25 - 0.021862] = [-0.990969, 0.228138]
        //         buf = [0.459, 0.882] + g = [-0.531969, 1.110138]
        //         d = g + 0.9 * buf = [-1.4697411, 1.2272622]; w2 = w1 - 0.05 * d = [0.976587055, -2.24756311]
        float[][] w = twoSteps(true);
        assertArrayEquals(new float[] {0.9031f, -2.1862f}, w[0], 1e-6f);
        assertArrayEquals(new float[] {0.976587055f, -2.24756311f}, w[1], 1e-6f);
    }

    private static float[][] twoSteps(boolean nesterov) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MomentumSgd sgd = new MomentumSgd(manager, 0.9f, nesterov, 0.01f, true)) {
            NDArray w = manager.create(new float[] {1f, -2f}, new Shape(1, 2));
            Map<String, NDArray> weights = Map.of("conv.weight", w);
            sgd.step(weights, Map.of("conv.weight", manager.create(GRAD1, new Shape(1, 2))), 0.1f);
            float[] first = w.toFloatArray();
            sgd.step(weights, Map.of("conv.weight", manager.create(GRAD2, new Shape(1, 2))), 0.05f);
            return new float[][] {first, w.toFloatArray()};
        }
    }

    @Test
    void batchNormAndBiasDecayOnlyWhenAsked() {
        // b0 = 2, grad 1 twice, lr 0.1, momentum 0.9.
        // no decay: buf 1 -> b 1.9; buf 0.9 + 1 = 1.9 -> b 1.71
        // decay 0.01: g 1.02, buf 1.02 -> b 1.898; g 1.01898, buf 0.918 + 1.01898 = 1.93698 -> b 1.704302
        assertEquals(1.71f, biasAfterTwoSteps(false), 1e-6f);
        assertEquals(1.704302f, biasAfterTwoSteps(true), 1e-6f);

        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MomentumSgd filtered = new MomentumSgd(manager, 0.9f, false, 2e-5f, false)) {
            assertTrue(MomentumSgd.isBatchNormOrBias("bn1.weight", new Shape(16)));
            assertTrue(MomentumSgd.isBatchNormOrBias("classifier.bias", new Shape(10)));
            assertFalse(MomentumSgd.isBatchNormOrBias("conv_stem.weight", new Shape(16, 3, 3, 3)));
            assertFalse(filtered.decays("blocks.2.0.bn1.bias", new Shape(240)));
            assertTrue(filtered.decays("classifier.weight", new Shape(10, 1536)));
        }
    }

    private static float biasAfterTwoSteps(boolean decayBatchNormAndBias) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MomentumSgd sgd = new MomentumSgd(manager, 0.9f, false, 0.01f, decayBatchNormAndBias)) {
            NDArray b = manager.create(new float[] {2f});
            for (int i = 0; i < 2; i++) {
                sgd.step(Map.of("classifier.bias", b), Map.of("classifier.bias", manager.create(new float[] {1f})), 0.1f);
            }
            return b.getFloat(0);
        }
    }

    @Test
    void exportedBuffersResumeTheSameTrajectory() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MomentumSgd original = new MomentumSgd(manager, 0.9f, true, 0.01f, true);
                MomentumSgd resumed = new MomentumSgd(manager, 0.9f, true, 0.01f, true)) {
            NDArray w = manager.create(new float[] {1f, -2f}, new Shape(1, 2));
            Map<String, NDArray> weights = Map.of("conv.weight", w);
            original.step(weights, Map.of("conv.weight", manager.create(GRAD1, new Shape(1, 2))), 0.1f);

            Map<String, NDArray> saved = new LinkedHashMap<>();
            original.momentumBuffers().forEach((k, v) -> saved.put(k, v.duplicate()));
            resumed.loadMomentumBuffers(saved);
            NDArray copy = w.duplicate();
            NDArray grad2 = manager.create(GRAD2, new Shape(1, 2));
            original.step(weights, Map.of("conv.weight", grad2), 0.05f);
            resumed.step(Map.of("conv.weight", copy), Map.of("conv.weight", grad2), 0.05f);

            assertArrayEquals(w.toFloatArray(), copy.toFloatArray(), 0f);
            assertArrayEquals(new float[] {0.976587055f, -2.24756311f}, copy.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void stepLeavesNoTemporariesBehind() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MomentumSgd sgd = new MomentumSgd(manager, 0.9f, true, 0.01f, true)) {
            NDArray w = manager.create(new float[] {1f, -2f}, new Shape(1, 2));
            NDArray grad = manager.create(GRAD1, new Shape(1, 2));
            sgd.step(Map.of("conv.weight", w), Map.of("conv.weight", grad), 0.1f);
            int after1 = manager.getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                sgd.step(Map.of("conv.weight", w), Map.of("conv.weight", grad), 0.1f);
            }
            assertEquals(after1, manager.getManagedArrays().size());
        }
    }
}

package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.MixNetModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The average of weights and BN statistics, swapping, and loading saved values. */
class WeightsEmaTest {

    private static final String WEIGHT = "conv_stem.weight";
    private static final String RUNNING_MEAN = "bn1.running_mean";

    @Test
    void updateMovesWeightsAndRunningStatisticsByOneMinusDecay() {
        try (MixNetModel model = TestNetworks.mixnetS(0f, 1);
                WeightsEma ema = new WeightsEma(model.stateDict(), 0.9f, model.djlModel().getNDManager())) {
            Map<String, float[]> start = TestNetworks.snapshot(model);
            shift(model, WEIGHT, 1f);
            shift(model, RUNNING_MEAN, 2f);

            ema.update(model.stateDict());

            Map<String, float[]> average = TestNetworks.snapshot(ema.tensors());
            assertArrayEquals(plus(start.get(WEIGHT), 0.1f), average.get(WEIGHT), 1e-6f);
            assertArrayEquals(plus(start.get(RUNNING_MEAN), 0.2f), average.get(RUNNING_MEAN), 1e-6f);
            assertArrayEquals(start.get("classifier.weight"), average.get("classifier.weight"), 0f);
        }
    }

    @Test
    void swappingTwiceRestoresBothSides() {
        try (MixNetModel model = TestNetworks.mixnetS(0f, 2);
                WeightsEma ema = new WeightsEma(model.stateDict(), 0.5f, model.djlModel().getNDManager())) {
            shift(model, WEIGHT, 4f);
            ema.update(model.stateDict());
            Map<String, float[]> live = TestNetworks.snapshot(model);
            Map<String, float[]> average = TestNetworks.snapshot(ema.tensors());

            ema.swapWith(model.stateDict());
            assertArrayEquals(average.get(WEIGHT), TestNetworks.snapshot(model).get(WEIGHT), 0f);
            assertArrayEquals(live.get(WEIGHT), TestNetworks.snapshot(ema.tensors()).get(WEIGHT), 0f);

            ema.swapWith(model.stateDict());
            assertArrayEquals(live.get(WEIGHT), TestNetworks.snapshot(model).get(WEIGHT), 0f);
            assertArrayEquals(average.get(WEIGHT), TestNetworks.snapshot(ema.tensors()).get(WEIGHT), 0f);
        }
    }

    @Test
    void loadRefusesTensorsThatDoNotFitAndChangesNothing() {
        try (MixNetModel model = TestNetworks.mixnetS(0f, 3);
                WeightsEma ema = new WeightsEma(model.stateDict(), 0.5f, model.djlModel().getNDManager());
                NDManager manager = NDManager.newBaseManager()) {
            Map<String, float[]> before = TestNetworks.snapshot(ema.tensors());
            Map<String, NDArray> saved = new HashMap<>();
            ema.tensors().forEach((key, value) -> saved.put(key, value.duplicate().add(1f)));
            saved.remove(WEIGHT);
            saved.put("extra.weight", manager.zeros(new ai.djl.ndarray.types.Shape(2)));
            assertThrows(IllegalArgumentException.class, () -> ema.load(saved, "test"));
            assertArrayEquals(before.get(RUNNING_MEAN), TestNetworks.snapshot(ema.tensors()).get(RUNNING_MEAN), 0f);
        }
    }

    private static void shift(MixNetModel model, String key, float delta) {
        try (NDArray view = model.stateDict().entries().get(key).getArray().stopGradient()) {
            view.addi(delta);
        }
    }

    private static float[] plus(float[] values, float delta) {
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += delta;
        }
        return out;
    }
}

package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.testing.SamplePhotos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Training reaches every block: gradients arrive at every trainable tensor, and a small batch of
 * real photos is fitted until the loss is close to zero.
 */
class TrainingThroughEveryBlockTest {

    private static final int SIZE = 64;
    private static final int STEPS = 30;

    @Test
    void overfitsASmallBatchOfRealPhotosWithGradientsEverywhere() throws Exception {
        Engine.getInstance().setRandomSeed(7);
        List<SamplePhotos.Labelled> photos = SamplePhotos.load(4, 2, SIZE);
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S).optNumClasses(4).optDropRate(0f).build();
        Loss loss = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(2e-3f)).build());
        try (MixNetModel model = MixNetModel.create(config, Device.cpu());
                Trainer trainer = model.djlModel().newTrainer(trainingConfig);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] data = new float[photos.size() * 3 * SIZE * SIZE];
            float[] labels = new float[photos.size()];
            for (int i = 0; i < photos.size(); i++) {
                System.arraycopy(photos.get(i).chw(), 0, data, i * 3 * SIZE * SIZE, 3 * SIZE * SIZE);
                labels[i] = photos.get(i).label();
            }
            NDArray x = manager.create(data, new Shape(photos.size(), 3, SIZE, SIZE));
            NDArray y = manager.create(labels);
            List<Float> losses = new ArrayList<>();
            // 30 steps: the loss is near 0 from about step 10. Run on, Adam keeps growing the logits of
            // the fitted batch until they overflow (the loss reads 0, then NaN from about step 40, at a
            // step that float rounding decides).
            for (int step = 0; step < STEPS; step++) {
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray l = loss.evaluate(new NDList(y), new NDList(pred));
                    losses.add(l.getFloat());
                    gc.backward(l);
                }
                if (step == 0) {
                    assertEveryTrainableTensorHasAGradient(model);
                }
                trainer.step();
            }
            float last = losses.get(losses.size() - 1);
            assertTrue(last < 0.05f,
                    "loss fell from " + losses.get(0) + " to " + last + " in " + STEPS + " steps: " + losses);
            // Eval mode uses the BN running statistics, which lag weights that changed fast: training-mode
            // passes without steps bring them up to date, then most photos, not chance (25%), must come
            // out right.
            for (int pass = 0; pass < 40; pass++) {
                trainer.forward(new NDList(x)).close();
            }
            NDArray evalPred = model.logits(x).argMax(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            long correct = evalPred.eq(y).sum().getLong();
            assertTrue(correct >= 6, "eval mode gets " + correct + " of 8 training photos right");
        }
    }

    private static void assertEveryTrainableTensorHasAGradient(MixNetModel model) {
        int checked = 0;
        for (Map.Entry<String, Parameter> e : model.stateDict().entries().entrySet()) {
            if (!e.getValue().requiresGradient()) {
                continue;
            }
            float g = e.getValue().getArray().getGradient().abs().sum().getFloat();
            assertTrue(g > 0f, "no gradient reaches " + e.getKey());
            checked++;
        }
        assertEquals(model.stateDict().entries().size() - 2 * 49, checked, "every weight, BN affine and bias");
    }
}

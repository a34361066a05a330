package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.mixnetspark.model.MixNetModel;
import io.mixnetspark.model.OfflineEngine;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.testing.SamplePhotos;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A few epochs of the MindCV-style recipe (SGD momentum 0.9, warmup then cosine, label smoothing,
 * dropout 0.2) on 12 real photos (3 Imagenette classes, 64 px) from scratch: the training loss falls
 * and training accuracy rises. The learning rate is MindCV's 0.2 for 1024 images scaled to batches
 * of 6 (0.0012). Rounded up to 0.002 the run passed on an Intel VM but, with right numbers on the
 * AMD VM of issue 25, oscillated past the bar under one of three ways of computing (plain ops, NCHW
 * with grouped 1x1, channels-last training); at 0.0012 it passes under all three.
 */
class ConvergenceSmokeTest {

    private static final int SIZE = 64;
    private static final int CLASSES = 3;
    private static final int PER_CLASS = 4;
    private static final int EPOCHS = 8;

    @Test
    void lossFallsAndAccuracyRisesOnRealPhotos() throws Exception {
        List<SamplePhotos.Labelled> photos = SamplePhotos.load(CLASSES, PER_CLASS, SIZE);
        List<Batch> epoch = twoMixedBatches(photos);
        TrainingRecipe recipe = TrainingRecipe.builder()
                .setEpochs(EPOCHS)
                .setBatchSize(6)
                .setLr(0.0012)
                .optWarmupEpochs(1)
                .optImageSize(SIZE)
                .build();
        OfflineEngine.pytorch().setRandomSeed(3);
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S).optNumClasses(CLASSES).build();
        List<EpochStats> history = new ArrayList<>();
        try (MixNetModel model = MixNetModel.create(config, Device.cpu());
                EpochTrainer trainer = new EpochTrainer(model, recipe, epoch.size(), GradientSync.LOCAL)) {
            for (int e = 0; e < EPOCHS; e++) {
                history.add(trainer.trainEpoch(epoch.iterator()));
            }
        }
        double firstLoss = history.get(0).meanLoss();
        double lastLoss = (history.get(EPOCHS - 1).meanLoss() + history.get(EPOCHS - 2).meanLoss()) / 2;
        double firstTop1 = (history.get(0).top1() + history.get(1).top1()) / 2;
        double lastTop1 = (history.get(EPOCHS - 1).top1() + history.get(EPOCHS - 2).top1()) / 2;
        String trace = history.stream()
                .map(s -> String.format("epoch %d loss %.3f top1 %.2f lr %.4f", s.epoch(), s.meanLoss(), s.top1(), s.lastLr()))
                .toList()
                .toString();
        assertTrue(lastLoss < 0.7 * firstLoss, "loss should fall: " + trace);
        assertTrue(lastTop1 >= firstTop1 + 0.3, "training accuracy should rise: " + trace);
    }

    /** Two batches of six, each holding two photos of every class. */
    private static List<Batch> twoMixedBatches(List<SamplePhotos.Labelled> photos) {
        int pixels = 3 * SIZE * SIZE;
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            float[] data = new float[6 * pixels];
            int[] labels = new int[6];
            for (int i = 0; i < 6; i++) {
                SamplePhotos.Labelled photo = photos.get((i % CLASSES) * PER_CLASS + b * 2 + i / CLASSES);
                System.arraycopy(photo.chw(), 0, data, i * pixels, pixels);
                labels[i] = photo.label();
            }
            out.add(new Batch(data, labels, SIZE, SIZE));
        }
        return out;
    }
}

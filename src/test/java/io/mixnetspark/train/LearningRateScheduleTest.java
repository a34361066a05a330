package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-step warmup + cosine schedule at points computed by hand. */
class LearningRateScheduleTest {

    @Test
    void smallScheduleStepByStep() {
        // lr 1, min 0, 2 warmup epochs of 2 steps, 6 epochs: W = 4, D = 8.
        TrainingRecipe recipe = TrainingRecipe.builder()
                .setEpochs(6).setBatchSize(1).setLr(1.0).optMinLr(0).optWarmupEpochs(2).build();
        LearningRateSchedule s = LearningRateSchedule.of(recipe, 2);
        double[] expected = {
            0.0, 0.25, 0.5, 0.75, // warmup: i / 4
            1.0, // cos(0)
            (1 + Math.cos(Math.PI / 8)) / 2,
            (1 + Math.cos(Math.PI / 4)) / 2,
            (1 + Math.cos(3 * Math.PI / 8)) / 2,
            0.5, // half way through the decay
            (1 + Math.cos(5 * Math.PI / 8)) / 2,
            (1 + Math.cos(3 * Math.PI / 4)) / 2,
            (1 + Math.cos(7 * Math.PI / 8)) / 2,
        };
        assertEquals(12, s.totalSteps());
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], s.at(step), 1e-12, "step " + step);
        }
        assertEquals(0.0, s.at(12), "after the schedule: minLr");
        assertEquals(0.0, s.at(1000));
    }

    @Test
    void warmupFactorRaisesTheStartAndMinLrTheFloor() {
        LearningRateSchedule s = new LearningRateSchedule(0.4, 0.1, 0.5, 10, 30);
        assertEquals(0.2, s.at(0), 1e-12);
        assertEquals(0.2 + 0.2 * 5 / 10, s.at(5), 1e-12);
        assertEquals(0.4, s.at(10), 1e-12);
        assertEquals(0.25, s.at(20), 1e-12);
        assertEquals(0.1, s.at(30), 1e-12);
    }

    @Test
    void noWarmupStartsAtThePeak() {
        LearningRateSchedule s = new LearningRateSchedule(0.1, 0.0, 0.0, 0, 4);
        assertEquals(0.1, s.at(0), 1e-12);
        assertEquals(0.05, s.at(2), 1e-12);
    }

    @Test
    void mindcvMixnetSAtKnownPoints() {
        // ImageNet-1k, 8 x 128 images per step, drop_remainder: 1,281,167 / 1024 = 1251 steps.
        int stepsPerEpoch = 1251;
        LearningRateSchedule s = LearningRateSchedule.of(TrainingRecipe.mindcvMixnetS(), stepsPerEpoch);
        long warmup = 15L * stepsPerEpoch;
        long decay = 585L * stepsPerEpoch;
        assertEquals(600L * stepsPerEpoch, s.totalSteps());
        assertEquals(0.0, s.at(0));
        assertEquals(0.2 / warmup, s.at(1), 1e-15);
        assertEquals(0.2 * (warmup / 2) / warmup, s.at(warmup / 2), 1e-15);
        assertEquals(0.2 * (warmup - 1) / warmup, s.at(warmup - 1), 1e-15);
        assertEquals(0.2, s.at(warmup), 1e-15);
        assertEquals(1e-5 + 0.5 * (0.2 - 1e-5), s.at(warmup + decay / 2), 1e-6);
        double last = 1e-5 + 0.5 * (0.2 - 1e-5) * (1 + Math.cos(Math.PI * (decay - 1) / decay));
        assertEquals(last, s.at(warmup + decay - 1), 1e-15);
        assertEquals(1e-5, s.at(warmup + decay), 0);
    }

    @Test
    void decayEpochsSetWhereTheCosineEndsWhateverTheRunsLength() {
        TrainingRecipe.Builder base = TrainingRecipe.builder().setBatchSize(8).setLr(0.1).optMinLr(0.001).optWarmupEpochs(1);
        // MindCV: a recipe's decay_epochs 3 with --epoch_size 2 stops part-way down the cosine ...
        LearningRateSchedule shorter = LearningRateSchedule.of(base.setEpochs(2).optDecayEpochs(3).build(), 10);
        assertEquals(0.001 + 0.5 * 0.099 * (1 + Math.cos(Math.PI * 9 / 30)), shorter.at(19), 1e-12);
        // ... and with --epoch_size 6 reaches min_lr after epoch 4 and stays there.
        LearningRateSchedule longer = LearningRateSchedule.of(base.setEpochs(6).optDecayEpochs(3).build(), 10);
        assertEquals(0.001, longer.at(40), 0);
        assertEquals(0.001, longer.at(59), 0);
        assertTrue(longer.at(39) > 0.001);
        // Left unset, the decay ends with the last epoch.
        TrainingRecipe unset = base.setEpochs(6).optDecayEpochs(-1).build();
        assertEquals(5, unset.decayEpochs());
        assertEquals(60, LearningRateSchedule.of(unset, 10).totalSteps());
    }

    @Test
    void rejectsImpossibleShapes() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0.1, 0, 0, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0.1, 0, 0, 0, 4).at(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> LearningRateSchedule.of(TrainingRecipe.mindcvMixnetS(), 0));
    }
}

package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The MindCV recipe values, the defaults and the validation messages. */
class TrainingRecipeTest {

    @Test
    void mindcvMixnetSHasTheSpecValues() {
        TrainingRecipe r = TrainingRecipe.mindcvMixnetS();
        assertEquals(600, r.epochs());
        assertEquals(128, r.batchSize());
        assertEquals(0.2, r.lr());
        assertEquals(1e-5, r.minLr());
        assertEquals(15, r.warmupEpochs());
        assertEquals(585, r.decayEpochs());
        assertEquals(0.0, r.warmupFactor());
        assertEquals(0.9, r.momentum());
        assertFalse(r.nesterov());
        assertEquals(2e-5, r.weightDecay());
        assertTrue(r.decayBatchNormAndBias());
        assertEquals(0.1, r.labelSmoothing());
        assertEquals(new BatchMix(0.2, 1.0, 0), r.mixing());
        assertTrue(r.mixing().mixesNothing(), "cutmix_prob 0: MixNet-S never mixes");
        assertEquals(42, r.seed());
        assertEquals(0.0, r.emaDecay());
        assertEquals(224, r.imageSize());
        assertTrue(r.mixedPrecision());
    }

    @Test
    void toBuilderCopiesEveryValue() {
        TrainingRecipe r = TrainingRecipe.mindcvMixnetS().toBuilder()
                .optNesterov(true).optEmaDecay(0.9999).optDecayBatchNormAndBias(false).optSeed(7).build();
        assertEquals(r, r.toBuilder().build());
        assertTrue(r.nesterov());
        assertEquals(0.9999, r.emaDecay());
    }

    @Test
    void requiredValuesAndRangesAreChecked() {
        assertMessage("epochs must be set", TrainingRecipe.builder().setBatchSize(1).setLr(0.1));
        assertMessage("batchSize must be set", TrainingRecipe.builder().setEpochs(1).setLr(0.1));
        assertMessage("lr must be set", TrainingRecipe.builder().setEpochs(1).setBatchSize(1));
        TrainingRecipe.Builder ok = TrainingRecipe.builder().setEpochs(3).setBatchSize(8).setLr(0.1);
        ok.build();
        assertMessage("warmupEpochs must be in [0, epochs=3]", ok.optWarmupEpochs(4));
        ok.optWarmupEpochs(0);
        assertMessage("minLr must be in [0, lr=0.1]", ok.optMinLr(0.2));
        ok.optMinLr(0);
        assertMessage("nesterov needs a momentum above 0", ok.optMomentum(0).optNesterov(true));
        ok.optMomentum(0.9);
        assertMessage("momentum must be in [0, 1)", ok.optMomentum(1.0));
        ok.optMomentum(0.9);
        assertMessage("labelSmoothing must be in [0, 1)", ok.optLabelSmoothing(1.0));
        ok.optLabelSmoothing(0);
        assertMessage("emaDecay must be in [0, 1)", ok.optEmaDecay(1.0));
        ok.optEmaDecay(0);
        assertMessage("imageSize must be from 32 (5 stride-2 stages) to 2048", ok.optImageSize(16));
        assertMessage("imageSize must be from 32 (5 stride-2 stages) to 2048 (MixNetConfig.MAX_IMAGE_SIZE)",
                ok.optImageSize(30000));
    }

    private static void assertMessage(String start, TrainingRecipe.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}

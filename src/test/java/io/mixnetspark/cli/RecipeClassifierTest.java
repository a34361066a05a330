package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.spark.ml.MixNetClassifier;
import io.mixnetspark.train.BatchMix;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * {@link RecipeClassifier} applies a recipe's augmentation keys ({@code scale}, {@code ratio},
 * {@code hflip}, {@code re_prob}, {@code auto_augment}, {@code color_jitter}, {@code mixup}, {@code
 * cutmix}, {@code cutmix_prob}) and its batching and checkpoint keys ({@code drop_remainder},
 * {@code keep_checkpoint_max}, {@code ckpt_save_policy}, {@code ckpt_save_interval}) to the
 * classifier, and names the key of a malformed range.
 */
class RecipeClassifierTest {

    @Test
    void theDemoRecipesCropScaleReachesTheClassifier() throws Exception {
        MixNetClassifier c = RecipeClassifier.of(RecipeConfig.load(Paths.get("conf/mixnet_s_cpu_demo.yaml")), 1);
        assertArrayEquals(new double[] {0.35, 1.0}, c.getCropScale());
        assertEquals("light", c.getAugmentation());
    }

    @Test
    void mindCvsRecipeKeepsItsCropFlipAndErasing() throws Exception {
        MixNetClassifier c = RecipeClassifier.of(RecipeConfig.load(Paths.get("conf/mixnet_s.yaml")), 8);
        assertArrayEquals(new double[] {0.08, 1.0}, c.getCropScale());
        assertArrayEquals(new double[] {0.75, 1.333}, c.getCropRatio());
        assertEquals(0.5, c.getFlipProbability());
        assertEquals(0.25, c.getErasingProbability());
        assertEquals("mixnet", c.getAugmentation());
        assertTrue(c.getDropRemainder(), "drop_remainder: True");
        assertEquals(10, c.getKeepCheckpoints());
        assertEquals("latest_k", c.getCheckpointPolicy());
    }

    @Test
    void checkpointRetentionKeysReachTheClassifierAndTopKNeedsValidation() {
        MixNetClassifier c = RecipeClassifier.of(RecipeConfig.parse("opt: momentum\nval_while_train: True\n"
                + "keep_checkpoint_max: 3\nckpt_save_policy: TOP_K\nckpt_save_interval: 5\ndrop_remainder: False\n",
                "r.yaml"), 1);
        assertEquals(3, c.getKeepCheckpoints());
        assertEquals("top_k", c.getCheckpointPolicy());
        assertEquals(5, c.getCheckpointInterval());
        assertFalse(c.getDropRemainder());
        assertEquals("recipe key ckpt_save_policy=top_k keeps the checkpoints with the best validation top-1 and"
                + " needs val_while_train: True (or use latest_k)", assertThrows(IllegalArgumentException.class,
                () -> RecipeClassifier.of(RecipeConfig.parse("opt: momentum\nckpt_save_policy: top_k\n", "r.yaml"), 1))
                .getMessage());
    }

    @Test
    void mixNetLsRecipeMixesEveryBatchWithItsOwnRandAugmentPolicy() throws Exception {
        MixNetClassifier l = RecipeClassifier.of(RecipeConfig.load(Paths.get("conf/mixnet_l.yaml")), 8);
        assertEquals(new BatchMix(0.2, 1.0, 1.0), l.recipe().mixing());
        assertEquals("randaug-m9-mstd0.5-inc1", l.getRandAugment());
        MixNetClassifier s = RecipeClassifier.of(RecipeConfig.load(Paths.get("conf/mixnet_s.yaml")), 8);
        assertTrue(s.recipe().mixing().mixesNothing(), "mixnet_s sets cutmix_prob 0: " + s.recipe().mixing());
        assertEquals("randaug-m9-mstd0.5", s.getRandAugment());
    }

    @Test
    void withoutAutoAugmentMindCvsColourJitterApplies() {
        MixNetClassifier c = RecipeClassifier.of(RecipeConfig.parse("opt: momentum\n", "r.yaml"), 1);
        assertEquals("light", c.getAugmentation());
        assertEquals(0.4, c.getColorJitter(), "MindCV's default color_jitter");
        assertEquals(0.0, RecipeClassifier.of(RecipeConfig.parse("opt: momentum\ncolor_jitter: 0.0\n", "r.yaml"), 1)
                .getColorJitter());
    }

    @Test
    void overridesChangeTheAugmentationAndBadRangesNameTheirKey() {
        RecipeConfig recipe = RecipeConfig.parse("opt: momentum\nscale: [0.5, 1.0]\nhflip: 0.0\nre_prob: 0.1\n", "r.yaml");
        MixNetClassifier c = RecipeClassifier.of(recipe, 1);
        assertArrayEquals(new double[] {0.5, 1.0}, c.getCropScale());
        assertEquals(0.0, c.getFlipProbability());
        assertEquals(0.1, c.getErasingProbability());
        assertEquals("scale must be a [min, max] pair, got [0.5]", assertThrows(IllegalArgumentException.class,
                () -> RecipeClassifier.of(RecipeConfig.parse("opt: momentum\nscale: [0.5]\n", "r.yaml"), 1)).getMessage());
        assertEquals("cropScale=[0.9, 0.2] is not allowed: RandomResizedCrop area range [min, max] with 0 < min <= max <= 1",
                assertThrows(IllegalArgumentException.class,
                        () -> RecipeClassifier.of(RecipeConfig.parse("opt: momentum\nscale: [0.9, 0.2]\n", "r.yaml"), 1)).getMessage());
    }
}

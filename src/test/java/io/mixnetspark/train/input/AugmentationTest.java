package io.mixnetspark.train.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.data.transform.TrainTransform;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.spark.train.RingSettings;
import io.mixnetspark.spark.train.WorkerSettings;
import io.mixnetspark.testing.SharedData;
import io.mixnetspark.train.CheckpointRetention;
import io.mixnetspark.train.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Augmentation} applies the fit's {@link CropAndFlip} and {@link PixelAugmentation} (the
 * classifier's {@code cropScale}, {@code cropRatio}, {@code flipProbability}, {@code
 * erasingProbability}, {@code colorJitter}, {@code randAugment}) to a real photo.
 */
class AugmentationTest {

    private static final int SIZE = 64;
    private static byte[] photo;

    @BeforeAll
    static void readPhoto() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/n03888257"))) {
            photo = Files.readAllBytes(files.sorted().findFirst().orElseThrow());
        }
    }

    @Test
    void aCropPinnedToTheWholePhotoWithoutFlipGivesTheSameTensorForEverySeed() {
        ImagePreparer pinned = Augmentation.LIGHT.trainPreparer(settings(Augmentation.LIGHT,
                new CropAndFlip(1, 1, 1, 1, 0), 0));
        float[] first = pinned.prepare(photo, 1);
        for (long seed = 2; seed < 6; seed++) {
            assertArrayEquals(first, pinned.prepare(photo, seed), "seed " + seed);
        }
        ImagePreparer recipe = Augmentation.LIGHT.trainPreparer(settings(Augmentation.LIGHT, CropAndFlip.RECIPE, 0));
        assertFalse(Arrays.equals(recipe.prepare(photo, 1), recipe.prepare(photo, 2)),
                "the recipe's crop (area 0.08-1) differs between seeds");
    }

    @Test
    void flipProbabilityOneMirrorsEveryImage() {
        float[] plain = Augmentation.LIGHT.trainPreparer(settings(Augmentation.LIGHT, new CropAndFlip(1, 1, 1, 1, 0), 0))
                .prepare(photo, 3);
        float[] flipped = Augmentation.LIGHT.trainPreparer(
                settings(Augmentation.LIGHT, new CropAndFlip(1, 1, 1, 1, 1), 0)).prepare(photo, 3);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int at = (c * SIZE + y) * SIZE;
                    assertEquals(plain[at + x], flipped[at + SIZE - 1 - x], "channel " + c + " row " + y + " column " + x);
                }
            }
        }
    }

    @Test
    void theMixnetAugmentationErasesOnlyWhenItsChanceSaysSo() {
        CropAndFlip pinned = new CropAndFlip(1, 1, 1, 1, 0);
        ImagePreparer never = Augmentation.MIXNET.trainPreparer(settings(Augmentation.MIXNET, pinned, 0));
        ImagePreparer always = Augmentation.MIXNET.trainPreparer(settings(Augmentation.MIXNET, pinned, 1));
        for (long seed = 1; seed < 4; seed++) {
            assertFalse(Arrays.equals(never.prepare(photo, seed), always.prepare(photo, seed)),
                    "erasing with chance 1 changes the tensor, seed " + seed);
        }
    }

    @Test
    void badRangesFailNamingWhatIsAllowed() {
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> new CropAndFlip(0.5, 0.2, 1, 1, 0));
        assertEquals("crop scale must satisfy 0 < min <= max <= 1, got [0.5, 0.2]", scale.getMessage());
        IllegalArgumentException flip = assertThrows(IllegalArgumentException.class,
                () -> new CropAndFlip(0.1, 1, 1, 1, 2));
        assertEquals("flip probability must be in [0, 1], got 2.0", flip.getMessage());
    }

    @Test
    void theLightAugmentationJittersColoursOnlyWhenColorJitterIsSet() {
        CropAndFlip pinned = new CropAndFlip(1, 1, 1, 1, 0);
        ImagePreparer plain = Augmentation.LIGHT.trainPreparer(settings(Augmentation.LIGHT, pinned, 0));
        ImagePreparer jittered = Augmentation.LIGHT.trainPreparer(
                settings(Augmentation.LIGHT, pinned, new PixelAugmentation(TrainTransform.RECIPE_RAND_AUGMENT, 0.4, 0)));
        for (long seed = 1; seed < 4; seed++) {
            assertFalse(Arrays.equals(plain.prepare(photo, seed), jittered.prepare(photo, seed)),
                    "colour jitter 0.4 changes the tensor, seed " + seed);
        }
        assertArrayEquals(jittered.prepare(photo, 7), jittered.prepare(photo, 7), "the same seed jitters the same way");
    }

    @Test
    void theMixnetAugmentationUsesTheGivenRandAugmentPolicy() {
        CropAndFlip pinned = new CropAndFlip(1, 1, 1, 1, 0);
        ImagePreparer noOps = Augmentation.MIXNET.trainPreparer(
                settings(Augmentation.MIXNET, pinned, new PixelAugmentation("rand-n0-m9", 0, 0)));
        ImagePreparer light = Augmentation.LIGHT.trainPreparer(settings(Augmentation.LIGHT, pinned, 0));
        ImagePreparer recipe = Augmentation.MIXNET.trainPreparer(settings(Augmentation.MIXNET, pinned, 0));
        assertArrayEquals(light.prepare(photo, 5), noOps.prepare(photo, 5), "a policy of 0 ops leaves the photo as is");
        boolean changed = false;
        for (long seed = 1; seed < 6 && !changed; seed++) {
            changed = !Arrays.equals(light.prepare(photo, seed), recipe.prepare(photo, seed));
        }
        assertTrue(changed, "the recipe's rand-m9-mstd0.5 changes the photo for some seed");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new PixelAugmentation("autoaug-v0", 0, 0));
        assertEquals("randAugment: not a RandAugment config: autoaug-v0", bad.getMessage());
    }

    private static WorkerSettings settings(Augmentation augmentation, CropAndFlip cropAndFlip, double erasing) {
        return settings(augmentation, cropAndFlip, new PixelAugmentation(TrainTransform.RECIPE_RAND_AUGMENT, 0, erasing));
    }

    private static WorkerSettings settings(Augmentation augmentation, CropAndFlip cropAndFlip, PixelAugmentation pixels) {
        TrainingRecipe recipe = TrainingRecipe.builder().setEpochs(1).setBatchSize(1).setLr(0.1).optImageSize(SIZE).build();
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S).optNumClasses(10).build();
        return new WorkerSettings(recipe, config, 1, "cpu", 1, augmentation, cropAndFlip, pixels, 0.875, null,
                new CheckpointRetention(0, CheckpointRetention.Policy.LATEST_K, 1), false,
                RingSettings.withNewSecret(60, "0", "float32"));
    }
}

package io.mixnetspark.spark.train;

import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.train.CheckpointRetention;
import io.mixnetspark.train.TrainingRecipe;
import io.mixnetspark.train.input.Augmentation;
import io.mixnetspark.train.input.CropAndFlip;
import io.mixnetspark.train.input.PixelAugmentation;
import io.mixnetspark.train.input.PreparationSettings;
import java.io.Serializable;

/**
 * {@code WorkerSettings} is everything a training worker needs besides its data and the starting
 * weights, made on the driver and shipped with the task; as {@link PreparationSettings} it tells
 * the worker's {@link Augmentation} how to prepare the images.
 *
 * @param recipe the hyper-parameters (batch size per worker)
 * @param config the network
 * @param numWorkers how many workers train together
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param decodeThreads image preparation threads per worker; 0 = the task's CPUs
 * @param augmentation the training augmentation
 * @param cropAndFlip the training crop's ranges and the flip chance
 * @param pixels the training augmentation's RandAugment policy, colour jitter and erasing chance
 * @param evalCropPct crop fraction of the validation preprocessing
 * @param runFolder where this fit's checkpoints go (any Hadoop URI), or null for none
 * @param retention when to checkpoint and which checkpoints to keep
 * @param dropRemainder whether an epoch leaves out the last, smaller batch (MindCV's {@code
 *     drop_remainder}) instead of training on it
 * @param ring the secret and settings of the ring the workers exchange gradients over
 */
public record WorkerSettings(
        TrainingRecipe recipe,
        MixNetConfig config,
        int numWorkers,
        String device,
        int decodeThreads,
        Augmentation augmentation,
        CropAndFlip cropAndFlip,
        PixelAugmentation pixels,
        double evalCropPct,
        String runFolder,
        CheckpointRetention retention,
        boolean dropRemainder,
        RingSettings ring) implements PreparationSettings, Serializable {

    /**
     * Returns the recipe's image size, for {@link PreparationSettings}.
     *
     * @return the network's input side in pixels
     */
    @Override
    public int imageSize() {
        return recipe.imageSize();
    }
}

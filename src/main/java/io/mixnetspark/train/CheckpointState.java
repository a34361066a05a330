package io.mixnetspark.train;

import io.mixnetspark.model.arch.MixNetConfig;

/**
 * {@code CheckpointState} is the JSON part of a {@link TrainingCheckpoint}: where training stands
 * and what it was doing.
 *
 * <p>Random state: the trainer reseeds the engine before every step from {@code recipe.seed()}, the
 * worker's rank and {@code globalStep}, so the recipe and the step are the complete random state
 * (the batch mixing draws from the same seed). Format version 2 added the recipe's {@code
 * decayEpochs} and {@code mixing}; version 1 checkpoints are refused with a message. {@code
 * lossScale} came later without a version change: a checkpoint without it resumes float16 training
 * with a fresh scale.
 *
 * @param formatVersion the checkpoint format, {@link TrainingCheckpoint#FORMAT_VERSION}
 * @param epoch completed epochs (the epoch to run next, 0-based)
 * @param globalStep optimizer steps taken (the step to run next, 0-based)
 * @param stepsPerEpoch steps per epoch the learning-rate schedule was made for
 * @param model the network's configuration (a resumed model must match it)
 * @param recipe the hyper-parameters it was written with (a resumed fit may continue with others:
 *     see {@link TrainingCheckpoint#resume})
 * @param lossScale the loss scale of float16 training, or null when training was float32
 */
public record CheckpointState(int formatVersion, int epoch, long globalStep, int stepsPerEpoch, MixNetConfig model,
        TrainingRecipe recipe, DynamicLossScale.State lossScale) {}

package io.mixnetspark.train;

import io.mixnetspark.model.arch.MixNetConfig;

/**
 * {@code CheckpointState} is the JSON part of a {@link TrainingCheckpoint}: where training stands
 * and what it was doing.
 *
 * <p>Random state: the trainer reseeds the engine before every step from {@code recipe.seed()}, the
 * worker's rank and {@code globalStep}, so the recipe and the step are the complete random state;
 * format version 1 fixes that derivation.
 *
 * @param formatVersion the checkpoint format, {@link TrainingCheckpoint#FORMAT_VERSION}
 * @param epoch completed epochs (the epoch to run next, 0-based)
 * @param globalStep optimizer steps taken (the step to run next, 0-based)
 * @param stepsPerEpoch steps per epoch the learning-rate schedule was made for
 * @param model the network's configuration (a resumed model must match it)
 * @param recipe the hyper-parameters
 */
public record CheckpointState(
        int formatVersion, int epoch, long globalStep, int stepsPerEpoch, MixNetConfig model, TrainingRecipe recipe) {}

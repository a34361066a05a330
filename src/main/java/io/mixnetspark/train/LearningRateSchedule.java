package io.mixnetspark.train;

/**
 * {@code LearningRateSchedule} gives the learning rate of every optimizer step: a linear warmup
 * from {@code warmupFactor * lr} towards {@code lr}, then a cosine decay from {@code lr} to {@code
 * minLr}, both updated per step. It reproduces MindCV's {@code create_scheduler} with {@code
 * cosine_decay}, {@code lr_epoch_stair} False and one cycle ({@code mindcv/scheduler}: {@code
 * linear_refined_lr} followed by {@code cosine_decay_refined_lr}): the cosine spans {@code
 * decay_epochs}, then the rate stays at {@code minLr}; a run shorter than warmup plus decay stops
 * part-way down.
 *
 * <p>With {@code W} warmup steps, {@code D} decay steps and {@code s} the 0-based global step:
 *
 * <ul>
 *   <li>{@code s < W}: {@code lr * (f + (1 - f) * s / W)}, so the first step uses {@code f * lr}
 *       and {@code lr} itself is first reached at step {@code W};
 *   <li>{@code W <= s < W + D}: {@code minLr + (lr - minLr) * (1 + cos(pi * (s - W) / D)) / 2};
 *   <li>afterwards: {@code minLr}.
 * </ul>
 */
public final class LearningRateSchedule {

    private final double lr;
    private final double minLr;
    private final double warmupFactor;
    private final long warmupSteps;
    private final long decaySteps;

    /**
     * Creates a schedule.
     *
     * @param lr peak learning rate
     * @param minLr final learning rate
     * @param warmupFactor warmup start as a fraction of {@code lr}
     * @param warmupSteps steps of warmup
     * @param totalSteps steps of warmup plus decay (the rate is {@code minLr} after them)
     */
    public LearningRateSchedule(double lr, double minLr, double warmupFactor, long warmupSteps, long totalSteps) {
        if (warmupSteps < 0 || totalSteps < warmupSteps) {
            throw new IllegalArgumentException(
                    "need 0 <= warmupSteps <= totalSteps, got " + warmupSteps + " and " + totalSteps);
        }
        this.lr = lr;
        this.minLr = minLr;
        this.warmupFactor = warmupFactor;
        this.warmupSteps = warmupSteps;
        this.decaySteps = totalSteps - warmupSteps;
    }

    /**
     * Creates the schedule of a recipe: {@code warmupEpochs * stepsPerEpoch} warmup steps, then
     * {@code decayEpochs * stepsPerEpoch} decay steps.
     *
     * @param recipe the recipe
     * @param stepsPerEpoch optimizer steps per epoch on each worker
     * @return the schedule
     */
    public static LearningRateSchedule of(TrainingRecipe recipe, int stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch must be at least 1, got " + stepsPerEpoch);
        }
        return new LearningRateSchedule(
                recipe.lr(),
                recipe.minLr(),
                recipe.warmupFactor(),
                (long) recipe.warmupEpochs() * stepsPerEpoch,
                (long) (recipe.warmupEpochs() + recipe.decayEpochs()) * stepsPerEpoch);
    }

    /**
     * Returns the learning rate of a step.
     *
     * @param step the 0-based global step
     * @return the learning rate
     */
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (step < warmupSteps) {
            return lr * (warmupFactor + (1 - warmupFactor) * step / warmupSteps);
        }
        long t = step - warmupSteps;
        if (t < decaySteps) {
            return minLr + 0.5 * (lr - minLr) * (1 + Math.cos(Math.PI * t / decaySteps));
        }
        return minLr;
    }

    /**
     * Returns the number of steps the schedule spans (warmup plus decay).
     *
     * @return total steps
     */
    public long totalSteps() {
        return warmupSteps + decaySteps;
    }
}

package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import java.util.Collection;

/**
 * {@code DynamicLossScale} keeps float16 gradients from underflowing in mixed-precision training,
 * as PyTorch's {@code GradScaler} does: the loss is multiplied by the scale before the backward
 * pass, the (float32) gradients are divided by it afterwards, and a step whose gradients are not
 * all finite is skipped and halves the scale. After {@code growthInterval} finite steps in a row
 * the scale doubles. Starts at 2^16, PyTorch's default.
 *
 * <p>Not thread-safe; one per trainer.
 */
public final class DynamicLossScale {

    /** PyTorch {@code GradScaler}'s initial scale. */
    public static final float INITIAL_SCALE = 65536f;

    /** PyTorch {@code GradScaler}'s growth interval. */
    public static final int GROWTH_INTERVAL = 2000;

    /**
     * What a checkpoint keeps of a loss scale, so that a resumed run continues with it.
     *
     * @param scale the current scale
     * @param finiteSteps finite steps in a row since the last change
     */
    public record State(float scale, int finiteSteps) {}

    private final int growthInterval;
    private float scale;
    private int finiteSteps;

    /**
     * Creates a scale with PyTorch {@code GradScaler}'s defaults: {@link #INITIAL_SCALE}, doubled
     * after {@link #GROWTH_INTERVAL} finite steps.
     *
     * @return a new scale
     */
    public static DynamicLossScale pytorchDefaults() {
        return new DynamicLossScale(INITIAL_SCALE, GROWTH_INTERVAL);
    }

    /**
     * Creates a scale.
     *
     * @param initialScale the first scale, positive
     * @param growthInterval finite steps in a row after which the scale doubles, positive
     */
    public DynamicLossScale(float initialScale, int growthInterval) {
        if (growthInterval < 1) {
            throw new IllegalArgumentException("the growth interval must be at least 1, got " + growthInterval);
        }
        this.scale = checkedScale(initialScale);
        this.growthInterval = growthInterval;
    }

    /**
     * Returns the factor the loss is multiplied by before the backward pass.
     *
     * @return the current scale
     */
    public float scale() {
        return scale;
    }

    /**
     * Returns the state to checkpoint.
     *
     * @return the scale and the count of finite steps
     */
    public State state() {
        return new State(scale, finiteSteps);
    }

    /**
     * Continues from a checkpointed state.
     *
     * @param state what {@link #state()} returned
     * @throws IllegalArgumentException for a scale that is not positive and finite, or a negative
     *     count
     */
    public void restore(State state) {
        if (state.finiteSteps() < 0) {
            throw new IllegalArgumentException("the count of finite steps cannot be negative: " + state);
        }
        this.scale = checkedScale(state.scale());
        this.finiteSteps = state.finiteSteps() % growthInterval;
    }

    private static float checkedScale(float value) {
        if (!(value > 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("a loss scale must be positive and finite, got " + value);
        }
        return value;
    }

    /**
     * Divides the gradients by the scale in place and tells whether all of them are finite; a
     * non-finite step halves the scale, and a run of finite ones doubles it.
     *
     * @param gradients the float32 gradients of a scaled loss (after any averaging across workers,
     *     so that every worker takes the same decision)
     * @return true when the step should be applied, false when it must be skipped
     */
    public boolean unscale(Collection<NDArray> gradients) {
        // an infinity or NaN anywhere makes the total non-finite; one read per step, not one per
        // tensor (each read waits for the device); the sums belong to the gradients' manager
        NDArray total = null;
        for (NDArray gradient : gradients) {
            gradient.divi(scale);
            total = total == null ? gradient.sum() : total.addi(gradient.sum());
        }
        boolean finite = total == null || Float.isFinite(total.getFloat());
        if (finite) {
            if (++finiteSteps == growthInterval) {
                scale *= 2;
                finiteSteps = 0;
            }
        } else {
            scale /= 2;
            finiteSteps = 0;
        }
        return finite;
    }
}

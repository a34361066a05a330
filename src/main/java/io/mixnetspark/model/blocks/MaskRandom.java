package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * {@code MaskRandom} is where dropout and drop-path draw their keep masks in a training pass. A
 * thread that a trainer has {@linkplain #seedThisThread seeded} draws from its own generator, so
 * forward passes running side by side on several threads (data-parallel replicas of one worker)
 * each get the masks of their seed, whatever the threads' timing. An unseeded thread draws from
 * the engine's process-wide generator.
 */
public final class MaskRandom {

    private static final ThreadLocal<SplittableRandom> SEEDED = new ThreadLocal<>();

    private MaskRandom() {}

    /**
     * Makes the calling thread's masks come from a generator with this seed until {@link
     * #clearThisThread}.
     *
     * @param seed the seed
     */
    public static void seedThisThread(long seed) {
        SEEDED.set(new SplittableRandom(seed));
    }

    /** Makes the calling thread draw from the engine's generator again. */
    public static void clearThisThread() {
        SEEDED.remove();
    }

    /**
     * Draws a mask of ones (probability {@code keep}) and zeros.
     *
     * @param manager where the mask lives
     * @param shape the mask's shape
     * @param keep the probability of a one
     * @param dataType the mask's type
     * @return the mask
     */
    static NDArray keepMask(NDManager manager, Shape shape, float keep, DataType dataType) {
        SplittableRandom random = SEEDED.get();
        if (random == null) {
            return manager.randomUniform(0f, 1f, shape, dataType).lt(keep).toType(dataType, false);
        }
        float[] mask = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextFloat() < keep ? 1f : 0f;
        }
        // a copy in PyTorch's memory: autograd keeps the mask for the backward pass (see ConstantOps)
        try (NDArray drawn = manager.create(mask, shape)) {
            return drawn.toType(dataType, true);
        }
    }
}

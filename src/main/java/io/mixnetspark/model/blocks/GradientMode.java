package io.mixnetspark.model.blocks;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * {@code GradientMode} runs work with PyTorch's gradient recording switched on or off on the
 * calling thread (PyTorch keeps the mode per thread), and sets the caller's mode back afterwards,
 * as {@code torch.no_grad()} and {@code torch.enable_grad()} do as context managers.
 */
public final class GradientMode {

    private GradientMode() {}

    /**
     * Runs work under a gradient mode.
     *
     * @param <T> the work's result
     * @param recording whether autograd records the work's ops
     * @param work the work
     * @return its result
     */
    public static <T> T with(boolean recording, Supplier<T> work) {
        boolean caller = JniUtils.isGradMode();
        JniUtils.setGradMode(recording);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(caller);
        }
    }
}

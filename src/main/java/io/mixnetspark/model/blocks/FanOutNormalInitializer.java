package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * {@code FanOutNormalInitializer} draws conv weights from {@code N(0, sqrt(2 / fan_out))} with
 * {@code fan_out = kh * kw * out_channels / groups}, as timm's {@code _init_weight_goog} with
 * {@code fix_group_fanout=True} and the TF reference (spec 1.14).
 */
public final class FanOutNormalInitializer implements Initializer {

    private final int groups;

    /**
     * Creates the initializer for a conv with the given groups.
     *
     * @param groups conv groups (input channels for a depthwise conv)
     */
    public FanOutNormalInitializer(int groups) {
        this.groups = groups;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fanOut = shape.get(0) * shape.get(2) * shape.get(3) / groups;
        float std = (float) Math.sqrt(2.0 / fanOut);
        return manager.randomNormal(0f, std, shape, dataType);
    }
}

package io.mixnetspark.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import io.mixnetspark.model.arch.Activation;
import io.mixnetspark.model.arch.ArchitecturePlan;
import io.mixnetspark.model.arch.BlockType;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.arch.ResolvedBlock;
import io.mixnetspark.model.blocks.ConvBn;
import io.mixnetspark.model.blocks.DepthwiseSeparable;
import io.mixnetspark.model.blocks.InvertedResidual;
import io.mixnetspark.model.blocks.Layers;
import io.mixnetspark.model.blocks.NamedBlock;
import io.mixnetspark.model.blocks.Sequence;
import java.util.function.BiConsumer;

/**
 * {@code MixNet} is the whole network (Tan & Le, "MixConv: Mixed Depthwise Convolutional
 * Kernels", BMVC 2019) as one DJL block, built by walking an {@link ArchitecturePlan}: stem (3x3
 * conv stride 2, BN, ReLU), the blocks in stages, head (1x1 conv to 1536, BN, ReLU), global
 * average pool, dropout and the linear classifier (spec 1.1). Module names follow timm's {@code
 * EfficientNet}: {@code conv_stem}, {@code bn1}, {@code blocks}, {@code conv_head}, {@code bn2},
 * {@code classifier}.
 *
 * <p>Input: {@code (N, 3, H, W)}, normalised RGB. Output: logits {@code (N, classes)}, float32.
 * The network computes in its input's type: float32, or float16 for mixed-precision training,
 * where the weights stay float32 and are cast per convolution ({@link Layers#convolve}), and the
 * pooled features go back to float32 before the classifier.
 */
public final class MixNet extends NamedBlock {

    /** Names of the intermediate outputs {@link #forwardTapped} reports, in order. */
    public static final String STEM = "stem";

    /** Name of the head output (after head conv, BN, ReLU; before pooling). */
    public static final String HEAD = "head";

    private final ArchitecturePlan plan;
    private final Block convStem;
    private final Block bn1;
    private final Sequence stages;
    private final Block convHead;
    private final Block bn2;
    private final float dropRate;
    private final Linear classifier;

    /**
     * Builds the network for a plan.
     *
     * @param plan the resolved architecture
     */
    public MixNet(ArchitecturePlan plan) {
        this.plan = plan;
        convStem = module("conv_stem", Layers.conv(plan.stemChannels(), 3, 2, 1, false));
        bn1 = module("bn1", Layers.batchNorm());
        stages = module("blocks", buildStages(plan));
        convHead = module("conv_head", Layers.conv(MixNetVariant.HEAD_CHANNELS, 1, 1, 1, false));
        bn2 = module("bn2", Layers.batchNorm());
        dropRate = plan.config().dropRate();
        classifier = module("classifier", Linear.builder().setUnits(plan.config().numClasses()).build());
        float range = (float) (1.0 / Math.sqrt(plan.config().numClasses()));
        classifier.setInitializer(new UniformInitializer(range), Parameter.Type.WEIGHT);
    }

    private static Sequence buildStages(ArchitecturePlan plan) {
        Sequence all = new Sequence();
        Sequence stage = null;
        int current = -1;
        for (ResolvedBlock b : plan.blocks()) {
            if (b.stage() != current) {
                stage = new Sequence();
                all.append(stage);
                current = b.stage();
            }
            stage.append(b.type() == BlockType.DS
                    ? new DepthwiseSeparable(b)
                    : new InvertedResidual(b, plan.config().seActivation()));
        }
        return all;
    }

    /**
     * Returns the plan this network was built from.
     *
     * @return the architecture plan
     */
    public ArchitecturePlan plan() {
        return plan;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forwardTapped(ps, inputs.singletonOrThrow(), training, (name, x) -> {}));
    }

    /**
     * Runs the forward pass and reports intermediate outputs: {@code stem}, {@code stage0} ...
     * {@code stageN} (after each stage's last block) and {@code head} (before pooling).
     *
     * @param ps the parameter store
     * @param input the (N, 3, H, W) batch
     * @param training whether this is a training pass
     * @param tap receives each intermediate output by name
     * @return the logits (N, classes)
     */
    public NDArray forwardTapped(
            ParameterStore ps, NDArray input, boolean training, BiConsumer<String, NDArray> tap) {
        checkInput(input.getShape());
        NDArray x = ConvBn.forward(ps, convStem, bn1, Activation.RELU, Layers.channelsLastOnCpu(input, training), training);
        tap.accept(STEM, x);
        int index = 0;
        for (Block stage : stages.modules().values()) {
            x = run(stage, ps, x, training);
            tap.accept("stage" + index++, x);
        }
        x = ConvBn.forward(ps, convHead, bn2, Activation.RELU, x, training);
        tap.accept(HEAD, x);
        x = Layers.toFloat32(Pool.globalAvgPool2d(x));
        x = Layers.dropout(x, dropRate, training);
        return run(classifier, ps, x, training);
    }

    private static void checkInput(Shape shape) {
        if (shape.dimension() != 4 || shape.get(1) != 3) {
            throw new IllegalArgumentException(
                    "MixNet expects a float batch of shape (N, 3, H, W), got " + shape);
        }
        if (shape.get(2) < 32 || shape.get(3) < 32) {
            throw new IllegalArgumentException(
                    "MixNet needs images of at least 32x32 pixels (5 stride-2 stages), got " + shape);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInput(inputShapes[0]);
        Shape shape = inputShapes[0];
        for (Block b : new Block[] {convStem, bn1, stages, convHead, bn2}) {
            b.initialize(manager, dataType, shape);
            shape = b.getOutputShapes(new Shape[] {shape})[0];
        }
        Shape pooled = new Shape(shape.get(0), shape.get(1));
        classifier.initialize(manager, dataType, pooled);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), plan.config().numClasses())};
    }
}

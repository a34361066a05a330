package io.mixnetspark.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.arch.ArchitecturePlan;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.blocks.GradientMode;
import io.mixnetspark.model.numerics.Numerics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code MixNetModel} is a ready-to-use MixNet: the DJL {@link Model} holding an initialised {@link
 * MixNet} on a device, its timm-named {@link StateDict}, weights in and out, and the eval-mode
 * forward. Close it to free the native tensors.
 */
public final class MixNetModel implements AutoCloseable {

    private final Model model;
    private final MixNet network;
    private final StateDict stateDict;

    private MixNetModel(Model model, MixNet network) {
        this.model = model;
        this.network = network;
        this.stateDict = StateDict.of(network);
    }

    /**
     * Builds and initialises a network with fresh weights (timm's initialisation). The first call in
     * a JVM runs the numerics self-check ({@link Numerics#ensureChecked()}), which decides the fast
     * paths every network of the JVM takes.
     *
     * @param config the network configuration
     * @param device where the tensors live
     * @return the model
     * @throws IllegalStateException when no way of computing the network on this CPU passed the check
     */
    public static MixNetModel create(MixNetConfig config, Device device) {
        Numerics.ensureChecked();
        Model model = Model.newInstance(config.variant().modelName(), device);
        try {
            MixNet network = new MixNet(ArchitecturePlan.resolve(config));
            model.setBlock(network);
            network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 224, 224));
            return new MixNetModel(model, network);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Returns the configuration the network was built from.
     *
     * @return the config
     */
    public MixNetConfig config() {
        return network.plan().config();
    }

    /**
     * Returns the DJL network block.
     *
     * @return the block
     */
    public MixNet network() {
        return network;
    }

    /**
     * Returns the DJL model (for trainers and predictors).
     *
     * @return the model
     */
    public Model djlModel() {
        return model;
    }

    /**
     * Returns the network's tensors under timm's keys.
     *
     * @return the state dict
     */
    public StateDict stateDict() {
        return stateDict;
    }

    /**
     * Copies tensors into the network. Every network key must be present with the same shape and
     * only finite values; timm's {@code num_batches_tracked} entries are accepted and ignored.
     * Nothing is copied unless everything fits.
     *
     * @param tensors tensors by timm key (any float dtype; converted to float32)
     * @param source where they came from, for the error message
     * @throws WeightsMismatchException listing every missing, unexpected and mis-shaped tensor
     * @throws NonFiniteWeightsException naming every tensor with NaN or infinite values
     */
    public void loadStateDict(Map<String, NDArray> tensors, String source) {
        loadStateDict(tensors, source, false);
    }

    /**
     * Copies tensors into the network as {@link #loadStateDict(Map, String)} does, taking NaN and
     * infinite values or not.
     *
     * @param tensors tensors by timm key (any float dtype; converted to float32)
     * @param source where they came from, for the error message
     * @param allowNonFinite whether NaN and infinite values (after conversion to float32) are
     *     loaded; {@code false}, the default of the other loading methods, refuses them, since they
     *     make every logit NaN and every label arbitrary
     * @throws WeightsMismatchException listing every missing, unexpected and mis-shaped tensor
     * @throws NonFiniteWeightsException naming every tensor with NaN or infinite values, unless
     *     allowed
     */
    public void loadStateDict(Map<String, NDArray> tensors, String source, boolean allowNonFinite) {
        Map<String, Parameter> entries = stateDict.entries();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> wrongShape = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : entries.entrySet()) {
            NDArray t = tensors.get(e.getKey());
            Shape expected = e.getValue().getArray().getShape();
            if (t == null) {
                missing.add(e.getKey());
            } else if (!t.getShape().equals(expected)) {
                wrongShape.add(e.getKey() + ": " + t.getShape() + " in file vs " + expected + " in network");
            }
        }
        for (String key : tensors.keySet()) {
            if (!entries.containsKey(key) && !key.endsWith(".num_batches_tracked")) {
                unexpected.add(key);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !wrongShape.isEmpty()) {
            throw new WeightsMismatchException(source, missing, unexpected, wrongShape);
        }
        Map<Parameter, NDArray> converted = new LinkedHashMap<>();
        try {
            List<String> nonFinite = new ArrayList<>();
            for (Map.Entry<String, Parameter> e : entries.entrySet()) {
                NDArray values = tensors.get(e.getKey()).toType(DataType.FLOAT32, true);
                converted.put(e.getValue(), values);
                long count = allowNonFinite ? 0 : nonFiniteCount(values);
                if (count > 0) {
                    nonFinite.add(e.getKey() + " (" + count + " of " + values.size() + " values)");
                }
            }
            if (!nonFinite.isEmpty()) {
                throw new NonFiniteWeightsException(source, nonFinite);
            }
            converted.forEach((parameter, values) -> parameter.getArray().set(values.toByteBuffer()));
        } finally {
            converted.values().forEach(NDArray::close);
        }
    }

    private static long nonFiniteCount(NDArray values) {
        try (NDArray nan = values.isNaN(); NDArray infinite = values.isInfinite();
                NDArray either = nan.logicalOr(infinite); NDArray count = either.countNonzero()) {
            return count.getLong();
        }
    }

    /**
     * Eval-mode forward (running BN statistics, no dropout, no drop-path), with gradient mode off
     * on the calling thread for its duration (as {@code torch.no_grad()}: autograd records nothing,
     * and convolutions fuse their activations). The result belongs to the input's manager.
     *
     * @param batch float32 (N, 3, H, W) normalised images
     * @return logits (N, classes)
     */
    public NDArray logits(NDArray batch) {
        return forward(batch, (name, x) -> {});
    }

    /**
     * Eval-mode forward that also reports the intermediate outputs (see {@link
     * MixNet#forwardTapped}), with gradient mode off as in {@link #logits}.
     *
     * @param batch float32 (N, 3, H, W) normalised images
     * @param tap receives {@code stem}, {@code stage0}..., {@code head}
     * @return logits (N, classes)
     */
    public NDArray forward(NDArray batch, BiConsumer<String, NDArray> tap) {
        NDManager manager = batch.getManager();
        ParameterStore ps = new ParameterStore(manager, false);
        return GradientMode.with(false, () -> network.forwardTapped(ps, batch, false, tap));
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * Returns the device the tensors live on.
     *
     * @return the device
     */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /**
     * Wraps arrays of a list by name (as DJL's decoders name them) for {@link #loadStateDict}.
     *
     * @param list decoded arrays, each with a name
     * @return the arrays by name, in list order
     */
    public static Map<String, NDArray> byName(NDList list) {
        Map<String, NDArray> map = new LinkedHashMap<>();
        for (NDArray a : list) {
            map.put(a.getName(), a);
        }
        return map;
    }
}

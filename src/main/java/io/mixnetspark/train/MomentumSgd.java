package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code MomentumSgd} is stochastic gradient descent with momentum, optional Nesterov momentum and
 * L2 weight decay, with PyTorch's {@code torch.optim.SGD} semantics (dampening 0), which are also
 * MindSpore's {@code Momentum} optimizer that MindCV uses:
 *
 * <pre>
 * g   = grad + weightDecay * w          (weight decay only where {@link #decays} says so)
 * buf = momentum * buf + g              (buf starts at 0, so the first step gives buf = g)
 * d   = nesterov ? g + momentum * buf : buf
 * w   = w - lr * d
 * </pre>
 *
 * <p>It is driven by the training loop with the learning rate of each step, and keeps its momentum
 * buffers by timm key so that checkpoints can save and restore them. It is not a DJL {@code
 * Optimizer}: that API is keyed by DJL's random parameter ids and takes its learning rate from a
 * tracker, and DJL's own SGD scales the gradient by the learning rate inside the momentum buffer
 * (MXNet's convention), which differs from PyTorch's as soon as the learning rate changes, and has
 * no Nesterov option.
 *
 * <p>All arithmetic runs on the tensors' device with in-place updates of weights and buffers;
 * temporaries are closed before {@link #step} returns.
 */
public final class MomentumSgd implements AutoCloseable {

    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final boolean decayBatchNormAndBias;
    private final NDManager manager;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    /**
     * Creates an optimizer.
     *
     * @param parent the manager under which the momentum buffers live (a sub-manager is made)
     * @param momentum momentum in [0, 1); 0 keeps no buffers
     * @param nesterov whether to use Nesterov momentum
     * @param weightDecay L2 weight decay
     * @param decayBatchNormAndBias whether BatchNorm and bias tensors decay too
     */
    public MomentumSgd(
            NDManager parent, float momentum, boolean nesterov, float weightDecay, boolean decayBatchNormAndBias) {
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0) || (nesterov && momentum == 0)) {
            throw new IllegalArgumentException(
                    "need momentum in [0, 1) (above 0 for nesterov) and weightDecay >= 0, got "
                            + momentum + ", " + nesterov + ", " + weightDecay);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.decayBatchNormAndBias = decayBatchNormAndBias;
        this.manager = parent.newSubManager();
        this.manager.setName("momentum-sgd");
    }

    /**
     * Creates the optimizer a recipe describes.
     *
     * @param parent the manager under which the momentum buffers live
     * @param recipe the recipe (momentum, nesterov, weight decay and its filter)
     * @return the optimizer
     */
    public static MomentumSgd of(NDManager parent, TrainingRecipe recipe) {
        return new MomentumSgd(
                parent,
                (float) recipe.momentum(),
                recipe.nesterov(),
                (float) recipe.weightDecay(),
                recipe.decayBatchNormAndBias());
    }

    /**
     * Returns whether a tensor is a BatchNorm scale/shift or a bias, by timm's rule ({@code
     * param_groups_weight_decay}): 1-D (or scalar) tensors and keys ending in {@code .bias}.
     *
     * @param key the timm key
     * @param shape the tensor's shape
     * @return true for BN and bias tensors
     */
    public static boolean isBatchNormOrBias(String key, Shape shape) {
        return shape.dimension() <= 1 || key.endsWith(".bias");
    }

    /**
     * Returns whether weight decay applies to a tensor.
     *
     * @param key the timm key
     * @param shape the tensor's shape
     * @return true when the tensor decays
     */
    public boolean decays(String key, Shape shape) {
        return weightDecay > 0 && (decayBatchNormAndBias || !isBatchNormOrBias(key, shape));
    }

    /**
     * Updates every weight in place.
     *
     * @param weights tensors to update, by timm key; they must not record gradients (pass {@code
     *     stopGradient()} views of trainable parameters: autograd refuses in-place changes to a
     *     leaf that requires a gradient)
     * @param gradients a gradient for every weight key (read, not changed)
     * @param lr this step's learning rate
     */
    public void step(Map<String, NDArray> weights, Map<String, NDArray> gradients, float lr) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> e : weights.entrySet()) {
                String key = e.getKey();
                NDArray w = e.getValue();
                NDArray grad = gradients.get(key);
                if (grad == null) {
                    throw new IllegalArgumentException("no gradient for " + key);
                }
                NDArray g = decays(key, w.getShape()) ? grad.add(w.mul(weightDecay)) : grad;
                NDArray direction = g;
                if (momentum > 0) {
                    NDArray buf = buffers.computeIfAbsent(key, k -> newBuffer(w));
                    buf.muli(momentum).addi(g);
                    direction = nesterov ? g.add(buf.mul(momentum)) : buf;
                }
                w.subi(direction.mul(lr));
            }
        }
    }

    private NDArray newBuffer(NDArray like) {
        NDArray buf = manager.zeros(like.getShape(), like.getDataType(), like.getDevice());
        NDScope.unregister(buf);
        return buf;
    }

    /**
     * Returns the momentum buffers by timm key (only tensors updated at least once have one).
     * These are the live buffers: copy them to keep a snapshot.
     *
     * @return an unmodifiable view of the buffers
     */
    public Map<String, NDArray> momentumBuffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /**
     * Replaces all momentum buffers with copies of the given tensors (as saved by a checkpoint).
     *
     * @param saved buffers by timm key
     */
    public void loadMomentumBuffers(Map<String, NDArray> saved) {
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        for (Map.Entry<String, NDArray> e : saved.entrySet()) {
            NDArray copy = e.getValue().duplicate();
            copy.attach(manager);
            buffers.put(e.getKey(), copy);
        }
    }

    /** Frees the momentum buffers. */
    @Override
    public void close() {
        buffers.clear();
        manager.close();
    }
}

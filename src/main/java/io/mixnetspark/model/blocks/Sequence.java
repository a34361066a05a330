package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code Sequence} chains children named {@code 0}, {@code 1}, ... like PyTorch's {@code
 * nn.Sequential}; timm's {@code blocks} (stages) and each stage are sequences.
 */
public final class Sequence extends NamedBlock {

    /**
     * Appends a child under the next index.
     *
     * @param block the child
     * @return this sequence
     */
    public Sequence append(Block block) {
        module(String.valueOf(modules().size()), block);
        return this;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (Block child : modules().values()) {
            x = run(child, ps, x, training);
        }
        return new NDList(x);
    }
}

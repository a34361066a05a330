package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code Sequence} chains children named {@code 0}, {@code 1}, ... like PyTorch's {@code
 * nn.Sequential}; timm's {@code blocks} (stages) and each stage are sequences.
 *
 * <p>In eval, each child runs on a manager of its own, closed when it returns: its intermediate
 * arrays are freed there and then, and only its output moves to the input's manager; an output
 * the next child has consumed is closed as well. An eval forward thus holds about one block's
 * activations at a time instead of the whole network's until the batch ends (which training
 * needs for the backward pass, and keeps).
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
        NDArray input = inputs.singletonOrThrow();
        NDArray x = input;
        for (Block child : modules().values()) {
            if (training) {
                x = run(child, ps, x, true);
                continue;
            }
            NDArray y = runScoped(child, ps, x);
            if (x != input && x != y) {
                x.close();
            }
            x = y;
        }
        return new NDList(x);
    }

    /** An eval pass of {@code child} whose intermediate arrays are closed before it returns. */
    private static NDArray runScoped(Block child, ParameterStore ps, NDArray x) {
        NDManager owner = x.getManager();
        try (NDManager scope = owner.newSubManager()) {
            x.tempAttach(scope);
            NDArray y = run(child, ps, x, false);
            y.attach(owner);
            return y;
        }
    }
}

package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mixnetspark.model.arch.ResolvedBlock;

/**
 * {@code ResidualBlock} is the common frame of MixNet's two block kinds: run the branch, then, when
 * the block keeps its stride and width, add the input back after drop-path (timm {@code
 * has_skip}, spec 1.10).
 */
public abstract class ResidualBlock extends NamedBlock {

    /** The resolved block this was built from. */
    protected final ResolvedBlock spec;

    /**
     * Creates the frame.
     *
     * @param spec the resolved block
     */
    protected ResidualBlock(ResolvedBlock spec) {
        this.spec = spec;
    }

    /**
     * Returns the resolved block this was built from.
     *
     * @return the block spec
     */
    public ResolvedBlock spec() {
        return spec;
    }

    /**
     * Computes the residual branch.
     *
     * @param ps the parameter store
     * @param x the block input
     * @param training whether this is a training pass
     * @return the branch output
     */
    protected abstract NDArray branch(ParameterStore ps, NDArray x, boolean training);

    @Override
    protected final NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = branch(ps, x, training);
        if (spec.hasSkip()) {
            y = Layers.dropPath(y, spec.dropPathRate(), training).add(x);
        }
        return new NDList(y);
    }
}

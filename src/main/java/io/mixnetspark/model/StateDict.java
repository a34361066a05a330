package io.mixnetspark.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.mixnetspark.model.blocks.NamedBlock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code StateDict} lists a network's tensors under timm's state-dict keys ({@code
 * conv_stem.weight}, {@code blocks.2.0.conv_dw.1.weight}, {@code bn1.running_mean}, ...), in
 * module order, by walking the {@link NamedBlock} tree. BatchNorm tensors are renamed from DJL's
 * {@code gamma/beta/runningMean/runningVar} to PyTorch's {@code
 * weight/bias/running_mean/running_var}; timm's {@code num_batches_tracked} has no counterpart.
 */
public final class StateDict {

    private static final Map<String, String> DJL_TO_TIMM =
            Map.of(
                    "weight", "weight",
                    "bias", "bias",
                    "gamma", "weight",
                    "beta", "bias",
                    "runningMean", "running_mean",
                    "runningVar", "running_var");

    private final Map<String, Parameter> entries;

    private StateDict(Map<String, Parameter> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Collects the timm-named tensors of a network.
     *
     * @param root the network (or any named block)
     * @return the state dict view
     */
    public static StateDict of(NamedBlock root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(root, "", out);
        return new StateDict(out);
    }

    private static void collect(NamedBlock block, String prefix, Map<String, Parameter> out) {
        for (Map.Entry<String, Block> child : block.modules().entrySet()) {
            String path = prefix + child.getKey();
            if (child.getValue() instanceof NamedBlock named) {
                collect(named, path + ".", out);
            } else {
                for (Pair<String, Parameter> p : child.getValue().getDirectParameters()) {
                    String name = DJL_TO_TIMM.get(p.getKey());
                    if (name == null) {
                        throw new IllegalStateException("No timm name for parameter " + p.getKey() + " of " + path);
                    }
                    out.put(path + "." + name, p.getValue());
                }
            }
        }
    }

    /**
     * Returns the tensors by timm key, in module order.
     *
     * @return an unmodifiable map from key to DJL parameter
     */
    public Map<String, Parameter> entries() {
        return entries;
    }

    /**
     * Counts the elements of the tensors that take gradients.
     *
     * @return trainable parameter count
     */
    public long trainableParameters() {
        return entries.values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    /**
     * Counts the elements of the BatchNorm running statistics.
     *
     * @return running mean and variance elements
     */
    public long bufferElements() {
        return entries.values().stream()
                .filter(p -> !p.requiresGradient())
                .mapToLong(p -> p.getArray().size())
                .sum();
    }
}

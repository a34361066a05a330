package io.mixnetspark.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import io.mixnetspark.model.StateDict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code WeightsEma} keeps an exponential moving average of a network's whole state: every weight
 * and the BatchNorm running statistics, by timm key, as timm's {@code ModelEmaV2} does. After each
 * optimizer step, {@code ema = decay * ema + (1 - decay) * current}, with a fixed decay (no warmup of
 * the decay). It starts as a copy of the network. The average lives on the network's device.
 *
 * <p>Evaluating with the average: {@link #swapWith} exchanges the average and the network's values
 * in place; a second call swaps them back.
 */
public final class WeightsEma implements AutoCloseable {

    private static final NDIndex ALL = new NDIndex("...");

    private final float decay;
    private final NDManager manager;
    private final Map<String, NDArray> average = new LinkedHashMap<>();

    /**
     * Starts an average at the network's current values.
     *
     * @param source the network's tensors
     * @param decay decay in (0, 1)
     * @param parent the manager under which the average lives (a sub-manager is made)
     */
    public WeightsEma(StateDict source, float decay, NDManager parent) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
        this.manager = parent.newSubManager();
        this.manager.setName("weights-ema");
        for (Map.Entry<String, Parameter> e : source.entries().entrySet()) {
            try (NDArray view = e.getValue().getArray().stopGradient()) {
                NDArray copy = view.duplicate();
                copy.attach(manager);
                average.put(e.getKey(), copy);
            }
        }
    }

    /**
     * Moves the average towards the network's current values.
     *
     * @param source the network's tensors (same keys as at construction)
     */
    public void update(StateDict source) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> e : average.entrySet()) {
                NDArray current = source.entries().get(e.getKey()).getArray().stopGradient();
                NDArray ema = e.getValue();
                ema.addi(current.sub(ema).muli(1 - decay));
            }
        }
    }

    /**
     * Exchanges the average and the network's values in place (call again to swap back).
     *
     * @param target the network's tensors (same keys as at construction)
     */
    public void swapWith(StateDict target) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> e : average.entrySet()) {
                NDArray live = target.entries().get(e.getKey()).getArray().stopGradient();
                NDArray saved = live.duplicate();
                live.set(ALL, e.getValue());
                e.getValue().set(ALL, saved);
            }
        }
    }

    /**
     * Returns the averaged tensors by timm key, in module order. These are live: copy them to keep
     * a snapshot.
     *
     * @return an unmodifiable view of the average
     */
    public Map<String, NDArray> tensors() {
        return Collections.unmodifiableMap(average);
    }

    /**
     * Overwrites the average with saved values (as written by a checkpoint). Nothing is changed
     * unless every key is present with the right shape and no other key is.
     *
     * @param saved tensors by timm key
     * @param source where they came from, for the error message
     * @throws IllegalArgumentException naming the missing, unexpected and mis-shaped tensors
     */
    public void load(Map<String, NDArray> saved, String source) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : average.entrySet()) {
            NDArray value = saved.get(e.getKey());
            if (value == null) {
                problems.add("missing " + e.getKey());
            } else if (!value.getShape().equals(e.getValue().getShape())) {
                problems.add(e.getKey() + " is " + value.getShape() + ", expected " + e.getValue().getShape());
            }
        }
        saved.keySet().stream().filter(k -> !average.containsKey(k)).forEach(k -> problems.add("unexpected " + k));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("EMA tensors in " + source + " do not fit the network: " + problems);
        }
        average.forEach((key, ema) -> ema.set(ALL, saved.get(key)));
    }

    /** Frees the average. */
    @Override
    public void close() {
        average.clear();
        manager.close();
    }
}

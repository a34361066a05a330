package io.mixnetspark.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@code ReplicaParameters} holds what one extra training replica reads instead of the network's
 * own parameters (see {@link CpuReplicas}): for each trainable tensor a detached view of the same
 * storage, which collects its own gradient and sees every optimizer update, and for each BatchNorm
 * running statistic a copy that the replica's passes update.
 */
final class ReplicaParameters {

    private final Map<Parameter, NDArray> arrays = new IdentityHashMap<>();

    /**
     * Makes the views and copies.
     *
     * @param owner the manager that keeps them
     * @param trainable the network's trainable parameters
     * @param runningStatistics the network's BatchNorm running statistics
     */
    ReplicaParameters(NDManager owner, Collection<Parameter> trainable, Collection<Parameter> runningStatistics) {
        for (Parameter p : trainable) {
            NDArray view = p.getArray().stopGradient();
            view.attach(owner);
            view.setRequiresGradient(true);
            arrays.put(p, view);
        }
        for (Parameter p : runningStatistics) {
            NDArray copy = p.getArray().duplicate();
            copy.attach(owner);
            arrays.put(p, copy);
        }
    }

    /**
     * Returns this replica's array for a parameter of the network.
     *
     * @param parameter a trainable parameter or running statistic of the network
     * @return the view or copy
     */
    NDArray arrayOf(Parameter parameter) {
        return arrays.get(parameter);
    }

    /**
     * Returns a parameter store that hands out this replica's arrays.
     *
     * @param manager the pass's manager
     * @return the store
     */
    ParameterStore store(NDManager manager) {
        return new ParameterStore(manager, false) {
            @Override
            public NDArray getValue(Parameter parameter, Device device, boolean training) {
                NDArray own = parameter == null ? null : arrays.get(parameter);
                return own != null ? own : super.getValue(parameter, device, training);
            }
        };
    }

    /**
     * Adds this replica's gradients to the network's.
     *
     * @param trainable the network's trainable parameters
     * @param manager takes the temporary gradient handles
     */
    void addGradientsTo(Collection<Parameter> trainable, NDManager manager) {
        for (Parameter p : trainable) {
            NDArray total = p.getArray().getGradient();
            total.attach(manager);
            NDArray mine = arrays.get(p).getGradient();
            mine.attach(manager);
            total.addi(mine);
        }
    }

    /** Overwrites the views' gradients with zeros (as {@code EpochTrainer} does the network's). */
    void zeroGradients() {
        arrays.values().stream().filter(NDArray::hasGradient).forEach(a -> JniUtils.zeroGrad((PtNDArray) a));
    }

    /**
     * Sets the running-statistic copies to the network's values.
     *
     * @param runningStatistics the network's running statistics
     */
    void copyRunningStatisticsFrom(Collection<Parameter> runningStatistics) {
        for (Parameter p : runningStatistics) {
            arrays.get(p).set(new NDIndex("..."), p.getArray());
        }
    }
}

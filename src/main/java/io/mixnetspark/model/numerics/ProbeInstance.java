package io.mixnetspark.model.numerics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.mixnetspark.model.blocks.FastPath;
import io.mixnetspark.model.blocks.FastPaths;
import io.mixnetspark.model.blocks.GradientMode;
import io.mixnetspark.model.blocks.Layers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ProbeInstance} is a {@link ProbeSubject} with seeded weights, input and output gradient,
 * run in float32 with the fast paths under test and in float64 as the reference. PyTorch runs
 * float64 convolutions with its own kernels, not oneDNN's, so the reference does not depend on
 * the kernels being checked. BatchNorm scales, shifts and running statistics are drawn away from
 * 1 and 0 so that every parameter counts. Each training pass runs on a fresh copy (it updates the
 * running statistics and accumulates gradients). All arrays live on the manager given, which the
 * caller closes.
 */
final class ProbeInstance {

    private final ProbeSubject subject;
    private final NDManager manager;
    private final List<NDArray> weights = new ArrayList<>();
    private final NDArray input;
    private final NDArray upstream;
    private Block evalCopy;
    private List<NDArray> evalReference;
    private List<NDArray> trainReference;

    /**
     * Draws the weights, the input and the gradient that flows into the output in training.
     *
     * @param subject what to build
     * @param manager where the arrays live
     * @param seed the seed of everything drawn
     */
    ProbeInstance(ProbeSubject subject, NDManager manager, int seed) {
        this.subject = subject;
        this.manager = manager;
        Engine.getInstance().setRandomSeed(seed);
        Block drawn = subject.factory().get();
        drawn.initialize(manager, DataType.FLOAT32, subject.input());
        for (Pair<String, Parameter> p : drawn.getParameters()) {
            NDArray weight = p.getValue().getArray();
            String name = p.getKey();
            if (name.endsWith("gamma") || name.endsWith("runningVar")) {
                weight = manager.randomUniform(0.5f, 1.5f, weight.getShape());
            } else if (name.endsWith("beta") || name.endsWith("runningMean")) {
                weight = manager.randomNormal(0f, 0.2f, weight.getShape(), DataType.FLOAT32);
            }
            weights.add(weight);
        }
        input = manager.randomNormal(subject.input());
        upstream = manager.randomNormal(drawn.getOutputShapes(new Shape[] {subject.input()})[0]);
    }

    /**
     * Whether the subject's training pass is probed.
     *
     * @return {@link ProbeSubject#trained()}
     */
    boolean trained() {
        return subject.trained();
    }

    /**
     * The subject's name.
     *
     * @return e.g. {@code blocks.2.0}
     */
    String name() {
        return subject.name();
    }

    /**
     * The eval forward under {@code paths}, against the reference.
     *
     * @param paths the fast paths to take
     * @param perturbation added to the float32 results before the comparison (0 except to rehearse a fault)
     * @return the largest difference relative to the reference's magnitude
     */
    double evalDifference(Set<FastPath> paths, float perturbation) {
        if (evalReference == null) {
            evalReference = evaluate(copy(DataType.FLOAT64, manager), input.toType(DataType.FLOAT64, true));
            evalCopy = copy(DataType.FLOAT32, manager);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(scope);
            return Comparison.worst(FastPaths.with(paths, () -> evaluate(evalCopy, x)), evalReference, perturbation);
        }
    }

    /**
     * A training pass under {@code paths}, forward and backward, against the reference: the output,
     * the input's gradient and every parameter's gradient.
     *
     * @param paths the fast paths to take
     * @param perturbation added to the float32 results before the comparison (0 except to rehearse a fault)
     * @return the largest difference relative to each tensor's magnitude
     */
    double trainDifference(Set<FastPath> paths, float perturbation) {
        if (trainReference == null) {
            trainReference = train(copy(DataType.FLOAT64, manager), input.toType(DataType.FLOAT64, true));
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(scope);
            Block fresh = copy(DataType.FLOAT32, scope);
            return Comparison.worst(FastPaths.with(paths, () -> train(fresh, x)), trainReference, perturbation);
        }
    }

    /** A new copy of the subject holding the drawn weights, in {@code type}, its parameters on {@code owner}. */
    private Block copy(DataType type, NDManager owner) {
        Block block = subject.factory().get();
        block.initialize(owner, type, subject.input());
        ParameterList parameters = block.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            try (NDArray value = weights.get(i).toType(type, true)) {
                parameters.get(i).getValue().getArray().set(value.toByteBuffer());
            }
        }
        return block;
    }

    private List<NDArray> evaluate(Block block, NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        return GradientMode.with(false, () -> List.of(
                block.forward(ps, new NDList(Layers.channelsLastOnCpu(x, false)), false).singletonOrThrow()));
    }

    private List<NDArray> train(Block block, NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        x.setRequiresGradient(true);
        return GradientMode.with(true, () -> {
            NDArray output = block.forward(ps, new NDList(Layers.channelsLastOnCpu(x, true)), true).singletonOrThrow();
            NDArray objective = output.mul(upstream.toType(output.getDataType(), false)).sum();
            JniUtils.backward((PtNDArray) objective, (PtNDArray) x.getManager().ones(new Shape(), objective.getDataType()),
                    false, false);
            List<NDArray> results = new ArrayList<>();
            results.add(output);
            results.add(x.getGradient());
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    results.add(p.getValue().getArray().getGradient());
                }
            }
            return results;
        });
    }
}

package io.mixnetspark.model.numerics;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.model.blocks.FastPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code SelfCheck} decides which {@link FastPath}s give right numbers on this machine: it runs
 * the {@link ProbeSubject}s in float32, the eval forward at the JVM's intra-op thread count and a
 * training pass with its backward at that count and at one thread (training replicas run with
 * one), and compares every output and gradient with the float64 reference.
 *
 * <p>It tries the {@link #CANDIDATES} in order, and the JVM takes the first that passes.
 * Where the first fails, each of its paths is also tried alone, so that the warning can say which
 * ones disagree. Where not even the plain ops pass, nothing runs ({@link NumericsReport#refused()}).
 */
public final class SelfCheck {

    /**
     * The largest relative difference from float64 accepted from float32: the probes' correct
     * results stay near 1e-6, the faulty kernels seen gave 1e-2 and more.
     */
    public static final double TOLERANCE = 1e-4;

    /** What the rehearsal of a fault adds to a faulty path's results. */
    private static final float REHEARSED_FAULT = 0.5f;

    private static final int SEED = 20261207;

    /**
     * The sets of paths tried, in order: the defaults (the fastest where they are right, as on the
     * Intel development VM); channels-last eval with 1x1 convolutions as matrix products, with and
     * without fused activations (on the AMD EPYC where the defaults are wrong, the first is faster
     * than they are, docs/benchmarks-log.md "Numerics"); NCHW with and without them; the plain ops.
     * Training passes take the grouped 1x1 convolution where a set has it ({@link
     * FastPath#CHANNELS_LAST_TRAINING} is never chosen).
     */
    static final List<Set<FastPath>> CANDIDATES = List.of(
            FastPath.defaults(),
            with(FastPath.defaults(), FastPath.POINTWISE_MATMUL),
            without(with(FastPath.defaults(), FastPath.POINTWISE_MATMUL), FastPath.FUSED_ACTIVATION),
            without(FastPath.defaults(), FastPath.CHANNELS_LAST),
            without(FastPath.defaults(), FastPath.CHANNELS_LAST, FastPath.FUSED_ACTIVATION),
            EnumSet.noneOf(FastPath.class));

    private final List<ProbeInstance> probes;
    private final int[] threadCounts;
    private final Predicate<Set<FastPath>> rehearsedFault;
    private final Map<TrainingPass, Worst> trainingVerdicts = new HashMap<>();

    private SelfCheck(List<ProbeInstance> probes, int[] threadCounts, Predicate<Set<FastPath>> rehearsedFault) {
        this.probes = probes;
        this.threadCounts = threadCounts;
        this.rehearsedFault = rehearsedFault;
    }

    /**
     * Runs the check.
     *
     * @param subjects the probes ({@link ProbeSubject#standard()})
     * @param rehearsedFault which sets of paths get results made to disagree, to rehearse the
     *     fallback ({@code paths -> false} for a real check)
     * @return what passed and what the JVM should take
     */
    static NumericsReport run(List<ProbeSubject> subjects, Predicate<Set<FastPath>> rehearsedFault) {
        long start = System.nanoTime();
        Engine.getEngine("PyTorch");
        int threads = JniUtils.getNumThreads();
        int[] threadCounts = threads > 1 ? new int[] {threads, 1} : new int[] {1};
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            List<ProbeInstance> probes = new ArrayList<>();
            for (int i = 0; i < subjects.size(); i++) {
                probes.add(new ProbeInstance(subjects.get(i), manager, SEED + i));
            }
            SelfCheck check = new SelfCheck(probes, threadCounts, rehearsedFault);
            List<PathVerdict> verdicts = new ArrayList<>();
            Set<FastPath> chosen = check.choose(verdicts);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return NumericsReport.checked(CpuDescription.current(), threads, chosen, verdicts, millis);
        }
    }

    /** Tries the candidates as the class comment says, recording each verdict; returns the set to take, or null. */
    private Set<FastPath> choose(List<PathVerdict> verdicts) {
        PathVerdict fastest = record(verdicts, CANDIDATES.get(0));
        if (fastest.passed()) {
            return fastest.paths();
        }
        for (FastPath path : fastest.paths()) {
            record(verdicts, EnumSet.of(path));
        }
        for (Set<FastPath> candidate : CANDIDATES.subList(1, CANDIDATES.size())) {
            if (record(verdicts, candidate).passed()) {
                return candidate;
            }
        }
        return null;
    }

    private PathVerdict record(List<PathVerdict> verdicts, Set<FastPath> paths) {
        PathVerdict verdict = measure(paths);
        verdicts.add(verdict);
        return verdict;
    }

    /**
     * Every probe under {@code paths}: the eval forward at the JVM's threads (labeling and
     * validation run there) and the training passes at every thread count (one replica trains at
     * the JVM's threads, several at one each). Sets that differ only in eval paths train alike, so
     * each distinct training computation ({@link FastPath#seenByTraining}) is run once.
     */
    private PathVerdict measure(Set<FastPath> paths) {
        float perturbation = rehearsedFault.test(paths) ? REHEARSED_FAULT : 0f;
        Worst worst = new Worst();
        int callerThreads = JniUtils.getNumThreads();
        try {
            JniUtils.setNumThreads(threadCounts[0]);
            for (ProbeInstance probe : probes) {
                worst.offer(probe.evalDifference(paths, perturbation), probe.name() + " eval" + at(threadCounts[0]));
            }
            Worst training = trainingVerdicts.computeIfAbsent(
                    new TrainingPass(FastPath.seenByTraining(paths), perturbation), this::measureTraining);
            worst.offer(training.difference, training.where);
        } finally {
            JniUtils.setNumThreads(callerThreads);
        }
        return new PathVerdict(paths, worst.difference, worst.where, worst.difference <= TOLERANCE);
    }

    private Worst measureTraining(TrainingPass pass) {
        Worst worst = new Worst();
        for (int threads : threadCounts) {
            JniUtils.setNumThreads(threads);
            for (ProbeInstance probe : probes) {
                if (probe.trained()) {
                    worst.offer(probe.trainDifference(pass.paths(), pass.perturbation()),
                            probe.name() + " training pass" + at(threads));
                }
            }
        }
        return worst;
    }

    private static String at(int threads) {
        return ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** A training computation: the paths a training pass sees and the rehearsed fault added to it. */
    private record TrainingPass(Set<FastPath> paths, float perturbation) {
    }

    /** The largest difference seen so far and where. */
    private static final class Worst {
        private double difference = -1;
        private String where = "";

        void offer(double candidate, String at) {
            if (candidate > difference) {
                difference = candidate;
                where = at;
            }
        }
    }

    private static Set<FastPath> with(Set<FastPath> paths, FastPath added) {
        Set<FastPath> copy = EnumSet.copyOf(paths);
        copy.add(added);
        return copy;
    }

    private static Set<FastPath> without(Set<FastPath> paths, FastPath... removed) {
        Set<FastPath> copy = EnumSet.copyOf(paths);
        copy.removeAll(List.of(removed));
        return copy;
    }

    /**
     * Formats a relative difference for messages.
     *
     * @param difference the difference
     * @return e.g. {@code 0.46}
     */
    static String format(double difference) {
        return String.format(Locale.ROOT, "%.2g", difference);
    }
}

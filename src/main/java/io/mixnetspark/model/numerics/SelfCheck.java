package io.mixnetspark.model.numerics;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.model.blocks.FastPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code SelfCheck} decides which {@link FastPath}s give right numbers on this machine: it runs
 * the {@link ProbeSubject}s in float32, eval forward and a training pass with its backward, at the
 * JVM's intra-op thread count and at one thread (training replicas run with one), and compares
 * every output and gradient with the float64 reference.
 *
 * <p>First the plain ops (no fast path) and every fast path together. Where all of them pass, the
 * JVM takes them all. Where they disagree, each path is tried alone and the ones that pass alone
 * are tried together, dropping the least valuable (the last in {@link FastPath}'s order) until the
 * set passes. Where not even the plain ops pass, nothing runs ({@link NumericsReport#refused()}).
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

    private final List<ProbeInstance> probes;
    private final int[] threadCounts;
    private final FastPath rehearsedFault;

    private SelfCheck(List<ProbeInstance> probes, int[] threadCounts, FastPath rehearsedFault) {
        this.probes = probes;
        this.threadCounts = threadCounts;
        this.rehearsedFault = rehearsedFault;
    }

    /**
     * Runs the check.
     *
     * @param subjects the probes ({@link ProbeSubject#standard()})
     * @param rehearsedFault a path whose results are made to disagree, to rehearse the fallback, or null
     * @return what passed and what the JVM should take
     */
    static NumericsReport run(List<ProbeSubject> subjects, FastPath rehearsedFault) {
        long start = System.nanoTime();
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

    /** Tries path sets as the class comment says, recording each verdict; returns the set to take, or null for none that passes. */
    private Set<FastPath> choose(List<PathVerdict> verdicts) {
        PathVerdict plain = record(verdicts, EnumSet.noneOf(FastPath.class));
        PathVerdict all = record(verdicts, EnumSet.allOf(FastPath.class));
        if (all.passed()) {
            return all.paths();
        }
        List<FastPath> kept = new ArrayList<>();
        for (FastPath path : FastPath.values()) {
            if (record(verdicts, EnumSet.of(path)).passed()) {
                kept.add(path);
            }
        }
        while (kept.size() > 1) {
            PathVerdict together = record(verdicts, EnumSet.copyOf(kept));
            if (together.passed()) {
                return together.paths();
            }
            kept.remove(kept.size() - 1);
        }
        if (kept.size() == 1) {
            return EnumSet.copyOf(kept);
        }
        return plain.passed() ? plain.paths() : null;
    }

    private PathVerdict record(List<PathVerdict> verdicts, Set<FastPath> paths) {
        PathVerdict verdict = measure(paths);
        verdicts.add(verdict);
        return verdict;
    }

    /** Every probe under {@code paths}: eval always, training where a path changes training or none is on. */
    private PathVerdict measure(Set<FastPath> paths) {
        boolean training = paths.isEmpty() || paths.stream().anyMatch(FastPath::inTraining);
        float perturbation = rehearsedFault != null && paths.contains(rehearsedFault) ? REHEARSED_FAULT : 0f;
        double worst = -1;
        String where = "";
        int callerThreads = JniUtils.getNumThreads();
        try {
            for (int threads : threadCounts) {
                JniUtils.setNumThreads(threads);
                for (ProbeInstance probe : probes) {
                    double eval = probe.evalDifference(paths, perturbation);
                    if (eval > worst) {
                        worst = eval;
                        where = probe.name() + " eval, " + threads + (threads == 1 ? " thread" : " threads");
                    }
                    double train = training ? probe.trainDifference(paths, perturbation) : 0;
                    if (train > worst) {
                        worst = train;
                        where = probe.name() + " training pass, " + threads + (threads == 1 ? " thread" : " threads");
                    }
                }
            }
        } finally {
            JniUtils.setNumThreads(callerThreads);
        }
        return new PathVerdict(paths, worst, where, worst <= TOLERANCE);
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

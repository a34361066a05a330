package io.mixnetspark.model.numerics;

import io.mixnetspark.model.blocks.FastPath;
import io.mixnetspark.model.blocks.FastPaths;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code NumericsReport} is what a JVM decided about its numerics: the CPU, the fast paths it takes
 * and why (the self-check's verdicts, or a setting that forced them), for the log, {@code mixnet
 * info} and each run's row in the runs table.
 *
 * @param cpu the processor
 * @param threads PyTorch's intra-op threads when the check ran
 * @param setting {@code auto} (the self-check chose) or where forced paths came from
 * @param chosen the paths taken, or null when not even the plain ops passed
 * @param verdicts the self-check's verdicts in the order it tried them (none when forced)
 * @param millis how long the check took
 */
public record NumericsReport(CpuDescription cpu, int threads, String setting, Set<FastPath> chosen,
        List<PathVerdict> verdicts, long millis) {

    /** The setting under which the self-check chooses. */
    public static final String AUTO = "auto";

    /** Copies the collections. */
    public NumericsReport {
        chosen = chosen == null ? null : FastPaths.copy(chosen);
        verdicts = List.copyOf(verdicts);
    }

    /**
     * A report of the self-check.
     *
     * @param cpu the processor
     * @param threads intra-op threads
     * @param chosen the paths to take, or null when nothing passed
     * @param verdicts the verdicts
     * @param millis the check's duration
     * @return the report
     */
    static NumericsReport checked(CpuDescription cpu, int threads, Set<FastPath> chosen, List<PathVerdict> verdicts,
            long millis) {
        return new NumericsReport(cpu, threads, AUTO, chosen, verdicts, millis);
    }

    /**
     * A report of paths forced by a setting; nothing was checked.
     *
     * @param cpu the processor
     * @param threads intra-op threads
     * @param paths the forced paths
     * @param source the setting, e.g. {@code MIXNET_FAST_PATHS=none}
     * @return the report
     */
    static NumericsReport forced(CpuDescription cpu, int threads, Set<FastPath> paths, String source) {
        return new NumericsReport(cpu, threads, source, paths, List.of(), 0);
    }

    /**
     * Whether not even the plain ops passed, so that nothing may compute.
     *
     * @return whether the JVM refuses to label or train
     */
    public boolean refused() {
        return chosen == null;
    }

    /**
     * The paths this JVM takes (none when refused).
     *
     * @return the paths
     */
    public Set<FastPath> paths() {
        return chosen == null ? EnumSet.noneOf(FastPath.class) : chosen;
    }

    /**
     * One line for tables and {@code mixnet info}: the paths, the CPU and how they were decided.
     *
     * @return e.g. {@code fast paths padded_depthwise,grouped_1x1 on AMD EPYC (...); self-check: ...}
     */
    public String summary() {
        String decided = setting.equals(AUTO)
                ? "self-check " + (failures().isEmpty() ? "passed" : "fell back: " + describeFailures()) + " in "
                        + millis + " ms"
                : "forced by " + setting + ", not checked";
        return (refused() ? "refused to compute" : "fast paths " + FastPaths.describe(paths())) + " on "
                + cpu.summary() + ", " + threads + " threads; " + decided;
    }

    /**
     * The warning to log when the self-check turned paths off: the CPU, each failing path with its
     * largest difference, and what runs instead.
     *
     * @return the line, or empty when every path passed or paths were forced
     */
    public Optional<String> warning() {
        if (failures().isEmpty() || refused()) {
            return Optional.empty();
        }
        return Optional.of("Self-check on " + cpu.summary() + ": " + describeFailures()
                + " against float64 (tolerance " + SelfCheck.format(SelfCheck.TOLERANCE) + "). This JVM computes with "
                + (paths().isEmpty() ? "the plain ops only" : "fast paths " + FastPaths.describe(paths()))
                + ". See docs/numerics.md.");
    }

    /**
     * The message labeling and training fail with when not even the plain ops passed.
     *
     * @return the message
     */
    public String refusal() {
        return "Numerics self-check on " + cpu.summary() + ": no way of computing MixNet here matches float64 ("
                + describeFailures() + "). Refusing to label or train rather than write wrong numbers; see"
                + " docs/numerics.md (try ONEDNN_MAX_CPU_ISA=AVX2 or MIXNET_FAST_PATHS).";
    }

    /**
     * The report as a map, for JSON.
     *
     * @return keys {@code cpu}, {@code fast_paths}, {@code setting}, {@code verdicts}, {@code millis}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cpu", cpu.summary());
        map.put("intra_op_threads", threads);
        map.put("fast_paths", refused() ? "refused" : FastPaths.describe(paths()));
        map.put("setting", setting);
        map.put("verdicts", verdicts.stream().map(PathVerdict::describe).toList());
        map.put("check_millis", millis);
        return map;
    }

    /** The failed verdicts of single paths where there are any (they name the culprits), else every failed one. */
    private List<PathVerdict> failures() {
        List<PathVerdict> failed = verdicts.stream().filter(v -> !v.passed()).toList();
        List<PathVerdict> single = failed.stream().filter(v -> v.paths().size() == 1).toList();
        return single.isEmpty() ? failed : single;
    }

    private String describeFailures() {
        return failures().stream().map(v -> FastPaths.describe(v.paths()) + " off by "
                + SelfCheck.format(v.worstDifference()) + " (" + v.worstProbe() + ")").collect(Collectors.joining("; "));
    }
}

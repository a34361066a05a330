package io.mixnetspark.model.numerics;

import io.mixnetspark.model.blocks.FastPath;
import io.mixnetspark.model.blocks.FastPaths;
import java.util.Locale;
import java.util.Set;

/**
 * {@code PathVerdict} is how one set of fast paths did on the probes: the worst relative difference
 * from the float64 reference, where it was seen, and whether it stayed within tolerance.
 *
 * @param paths the fast paths that were on
 * @param worstDifference the largest relative difference over every probe
 * @param worstProbe where it was seen, e.g. {@code blocks.2.0 eval, 2 threads}
 * @param passed whether every probe stayed within {@link SelfCheck#TOLERANCE}
 */
public record PathVerdict(Set<FastPath> paths, double worstDifference, String worstProbe, boolean passed) {

    /** Copies the paths (in declaration order). */
    public PathVerdict {
        paths = FastPaths.copy(paths);
    }

    /**
     * One line, e.g. {@code channels_last: 0.46 at blocks.2.0 eval, 2 threads (fails)}.
     *
     * @return the description
     */
    public String describe() {
        return FastPaths.describe(paths) + ": " + String.format(Locale.ROOT, "%.2g", worstDifference) + " at "
                + worstProbe + (passed ? "" : " (fails)");
    }
}

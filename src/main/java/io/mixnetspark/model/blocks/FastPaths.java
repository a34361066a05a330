package io.mixnetspark.model.blocks;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code FastPaths} says which {@link FastPath}s the blocks take: one set for the whole JVM, which
 * the numerics self-check installs when the engine first loads, and optionally another for the
 * calling thread while it runs a probe or a test ({@link #with}). Before any check has installed a
 * set, the {@link FastPath#defaults()} are on.
 */
public final class FastPaths {

    private static volatile Set<FastPath> jvmWide = Collections.unmodifiableSet(FastPath.defaults());
    private static final ThreadLocal<Set<FastPath>> THREAD = new ThreadLocal<>();

    private FastPaths() {}

    /**
     * Whether the calling thread takes a path now.
     *
     * @param path the path
     * @return whether it is on
     */
    public static boolean enabled(FastPath path) {
        return current().contains(path);
    }

    /**
     * Returns the paths the calling thread takes: its own set inside {@link #with}, else the JVM's.
     *
     * @return the paths (unmodifiable)
     */
    public static Set<FastPath> current() {
        Set<FastPath> own = THREAD.get();
        return own != null ? own : jvmWide;
    }

    /**
     * Sets the paths every thread of this JVM takes (outside {@link #with}).
     *
     * @param paths the paths to take
     */
    public static void useInThisJvm(Collection<FastPath> paths) {
        jvmWide = copy(paths);
    }

    /**
     * Runs {@code body} on the calling thread with exactly {@code paths} on, then restores what the
     * thread took before.
     *
     * @param paths the paths to take
     * @param body what to run
     * @param <T> its result type
     * @return its result
     */
    public static <T> T with(Collection<FastPath> paths, Supplier<T> body) {
        Set<FastPath> before = THREAD.get();
        THREAD.set(copy(paths));
        try {
            return body.get();
        } finally {
            if (before == null) {
                THREAD.remove();
            } else {
                THREAD.set(before);
            }
        }
    }

    /**
     * Formats paths as their keys, comma-separated, in declaration order ({@code none} for none).
     *
     * @param paths the paths
     * @return e.g. {@code padded_depthwise,grouped_1x1}
     */
    public static String describe(Collection<FastPath> paths) {
        return paths.isEmpty() ? "none"
                : copy(paths).stream().map(FastPath::key).collect(Collectors.joining(","));
    }

    /**
     * An unmodifiable copy that iterates in declaration order.
     *
     * @param paths the paths
     * @return the copy
     */
    public static Set<FastPath> copy(Collection<FastPath> paths) {
        return Collections.unmodifiableSet(paths.isEmpty() ? EnumSet.noneOf(FastPath.class) : EnumSet.copyOf(paths));
    }
}

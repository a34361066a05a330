package io.mixnetspark.model.numerics;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.model.blocks.FastPath;
import io.mixnetspark.model.blocks.FastPaths;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Numerics} makes sure a JVM computes MixNet right before it computes anything: the first
 * time a network is built (driver, every executor, a notebook kernel), it switches NNPACK off
 * ({@link NnpackSwitch}), runs the {@link SelfCheck} (a few hundred milliseconds), installs the
 * fast paths that passed ({@link FastPaths#useInThisJvm}) and logs one WARN line when it turned any
 * off. When not even the plain ops pass, every later call throws, so that nothing labels or trains
 * with wrong numbers.
 *
 * <p>Settings, read once per JVM: {@value #PATHS_PROPERTY} (system property) or {@value #PATHS_ENV}
 * (environment), {@code auto} by default; {@code none}, {@code all} or a comma-separated list of
 * {@link FastPath#key()}s force those paths without a check (for debugging and tests). {@value
 * #REHEARSE_PROPERTY} rehearses a fault on a machine where every path is right: naming a path, the
 * check makes the results of every set with that path disagree (the JVM falls back); {@code all}
 * makes every set disagree, the plain ops too (the JVM refuses to compute).
 */
public final class Numerics {

    /** System property that chooses the fast paths. */
    public static final String PATHS_PROPERTY = "mixnet.fastPaths";

    /** Environment variable that chooses the fast paths (where the property is not set). */
    public static final String PATHS_ENV = "MIXNET_FAST_PATHS";

    /** System property naming a path whose probes are made to fail (a rehearsal of the fallback). */
    public static final String REHEARSE_PROPERTY = "mixnet.numerics.rehearseFault";

    private static final Logger LOG = LoggerFactory.getLogger(Numerics.class);

    private static NumericsReport report;

    private Numerics() {}

    /**
     * Runs the check once per JVM and returns its report.
     *
     * @return the report
     * @throws IllegalStateException when no way of computing passed (every call, not just the first)
     * @throws IllegalArgumentException for a setting that names no path
     */
    public static synchronized NumericsReport ensureChecked() {
        if (report == null) {
            Engine.getEngine("PyTorch");
            NnpackSwitch.turnOff();
            NumericsReport decided = decide();
            FastPaths.useInThisJvm(decided.paths());
            report = decided;
            decided.warning().ifPresentOrElse(LOG::warn, () -> LOG.info("Numerics: {}", decided.summary()));
        }
        if (report.refused()) {
            throw new IllegalStateException(report.refusal());
        }
        return report;
    }

    /**
     * The report, when the check has run in this JVM.
     *
     * @return the report, or empty
     */
    public static synchronized Optional<NumericsReport> report() {
        return Optional.ofNullable(report);
    }

    private static NumericsReport decide() {
        String property = System.getProperty(PATHS_PROPERTY);
        String env = System.getenv(PATHS_ENV);
        String value = property != null ? property : env;
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase(NumericsReport.AUTO)) {
            return SelfCheck.run(ProbeSubject.standard(), rehearsal(System.getProperty(REHEARSE_PROPERTY)));
        }
        String source = (property != null ? PATHS_PROPERTY : PATHS_ENV) + "=" + value.trim();
        return NumericsReport.forced(CpuDescription.current(), JniUtils.getNumThreads(), parse(value, source), source);
    }

    /**
     * Reads the rehearsal setting.
     *
     * @param value a path key, {@code all}, or null or blank for none
     * @return which sets of paths the check makes disagree
     * @throws IllegalArgumentException naming the setting and the allowed values
     */
    static Predicate<Set<FastPath>> rehearsal(String value) {
        if (value == null || value.isBlank()) {
            return paths -> false;
        }
        if (value.trim().equalsIgnoreCase("all")) {
            return paths -> true;
        }
        try {
            FastPath faulty = FastPath.of(value);
            return paths -> paths.contains(faulty);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REHEARSE_PROPERTY + "=" + value + ": " + e.getMessage() + ", or all", e);
        }
    }

    /**
     * Reads a forced setting.
     *
     * @param value {@code none}, {@code all} or path keys separated by commas
     * @param source the setting's name, for the error
     * @return the paths
     * @throws IllegalArgumentException naming the setting and the allowed values
     */
    static Set<FastPath> parse(String value, String source) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("none")) {
            return EnumSet.noneOf(FastPath.class);
        }
        if (trimmed.equals("all")) {
            return EnumSet.allOf(FastPath.class);
        }
        try {
            Set<FastPath> paths = EnumSet.noneOf(FastPath.class);
            Arrays.stream(trimmed.split(",")).map(FastPath::of).forEach(paths::add);
            return paths;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage() + ", or auto, none, all", e);
        }
    }
}

package io.mixnetspark.model.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.blocks.FastPath;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The self-check on this machine, for real and with a fault rehearsed in one path: whatever it
 * chooses passed every probe, a path whose results disagree is never taken, and the warning names
 * the CPU, the path and its difference.
 */
class SelfCheckTest {

    @Test
    void aFaultInOneFastPathIsCaughtAndThatPathIsNotTaken() {
        NumericsReport report = SelfCheck.run(ProbeSubject.standard(), Numerics.rehearsal("grouped_1x1"));
        assertFalse(report.refused(), report.summary());
        assertFalse(report.paths().contains(FastPath.GROUPED_POINTWISE), report.summary());
        PathVerdict alone = verdict(report, EnumSet.of(FastPath.GROUPED_POINTWISE));
        assertFalse(alone.passed(), alone.describe());
        assertTrue(alone.worstDifference() > 100 * SelfCheck.TOLERANCE, alone.describe());
        assertTrue(verdict(report, report.paths()).passed(), "the set taken passed: " + report.summary());
        String warning = report.warning().orElseThrow();
        assertTrue(warning.contains(CpuDescription.current().modelName()), warning);
        assertTrue(warning.contains("grouped_1x1 off by"), warning);
        assertTrue(warning.contains("This JVM computes with"), warning);
        assertTrue(report.summary().contains("grouped_1x1 off by"), report.summary());
    }

    @Test
    void theFastPathsTakenPassedEveryProbe() {
        NumericsReport report = SelfCheck.run(ProbeSubject.standard(), Numerics.rehearsal(null));
        assertFalse(report.refused(), report.summary());
        assertEquals(SelfCheck.CANDIDATES.get(0), verdictOrder(report).get(0), "the fastest set is tried first");
        assertTrue(verdict(report, report.paths()).passed(), report.summary());
        for (PathVerdict v : report.verdicts()) {
            assertEquals(v.worstDifference() <= SelfCheck.TOLERANCE, v.passed(), v.describe());
        }
        boolean fastestPassed = report.verdicts().get(0).passed();
        assertEquals(fastestPassed, report.warning().isEmpty(), report.summary());
        if (fastestPassed) {
            assertEquals(FastPath.defaults(), report.paths());
        }
    }

    @Test
    void whenEvenThePlainOpsDisagreeTheReportRefuses() {
        NumericsReport report = SelfCheck.run(ProbeSubject.standard(), Numerics.rehearsal("all"));
        assertTrue(report.refused(), report.summary());
        assertEquals(SelfCheck.CANDIDATES.size() + FastPath.defaults().size(), report.verdicts().size(),
                "every candidate tried, and each default path alone");
        assertTrue(report.refusal().contains("Refusing to label or train"), report.refusal());
        assertTrue(report.summary().startsWith("refused to compute on "), report.summary());
    }

    private static PathVerdict verdict(NumericsReport report, Set<FastPath> paths) {
        return report.verdicts().stream().filter(v -> v.paths().equals(paths)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + paths + " in " + report.verdicts()));
    }

    private static List<Set<FastPath>> verdictOrder(NumericsReport report) {
        return report.verdicts().stream().map(PathVerdict::paths).toList();
    }
}

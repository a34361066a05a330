package io.mixnetspark.model.numerics;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.Arrays;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs test classes with JUnit's launcher in this JVM and exits with the number of failed tests
 * (0 when all passed); prints {@code numerics|} with the JVM's numerics report and JUnit's summary.
 * {@link InstructionSetMatrixIT} starts it once per oneDNN ISA cap.
 */
public final class ParitySuiteMain {

    private ParitySuiteMain() {}

    /**
     * Runs the classes.
     *
     * @param classNames fully qualified test class names
     */
    public static void main(String[] classNames) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(classNames).map(name -> selectClass(name)).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 20);
        System.out.println("numerics|" + Numerics.report().map(NumericsReport::summary).orElse("not run"));
        System.out.println("tests|" + summary.getTestsSucceededCount() + " passed, " + summary.getTotalFailureCount()
                + " failed, " + summary.getTestsSkippedCount() + " skipped");
        System.exit((int) Math.min(100, summary.getTotalFailureCount()));
    }
}

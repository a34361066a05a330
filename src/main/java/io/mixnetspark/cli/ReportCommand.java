package io.mixnetspark.cli;

import io.mixnetspark.report.ReportRenderer;
import io.mixnetspark.report.RunReport;
import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.tables.MetricsTables;
import io.mixnetspark.spark.tables.RunReportReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet report}: renders one run of the metrics tables as an HTML page with PNG plots (loss,
 * learning rate and accuracy per epoch, per-class accuracy, most confused pairs).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render a run's metrics (tables of train/validate runs) as an HTML page with PNG plots.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = {"--run_id", "--run-id"}, required = true, description = "The run to report.")
    String runId;

    @Option(names = "--output", description = "Output folder. Default: reports/<run_id>.")
    Path output;

    @Option(names = "--database", defaultValue = MetricsTables.DEFAULT_DATABASE,
            description = "Database of the metrics tables. Default: ${DEFAULT-VALUE}.")
    String database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MetricsTables tables = MetricsTables.in(database);
        RunReport report = new RunReportReader(tables).read(LocalSpark.getOrCreate("mixnet report"), runId);
        Path page = ReportRenderer.render(report, output != null ? output : Path.of("reports", runId));
        spec.commandLine().getOut().printf("Report of run %s (%d epochs, %d classes): %s%n", runId,
                report.epochs().size(), report.classes().size(), page.toAbsolutePath());
        return 0;
    }
}

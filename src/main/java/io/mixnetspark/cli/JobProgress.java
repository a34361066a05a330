package io.mixnetspark.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * {@code JobProgress} shows a progress bar (images done, images/s, ETA when the total is known) on
 * standard error while Spark jobs write rows: each finished task adds the rows it wrote, as Spark's
 * task metrics report them. Close it when the work is done.
 */
final class JobProgress implements AutoCloseable {

    private final SparkContext context;
    private final ProgressBar bar;
    private final SparkListener listener;

    private JobProgress(SparkContext context, ProgressBar bar) {
        this.context = context;
        this.bar = bar;
        this.listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    bar.stepBy(end.taskMetrics().outputMetrics().recordsWritten());
                }
            }
        };
        context.addSparkListener(listener);
    }

    /**
     * Starts showing progress.
     *
     * @param context the Spark context whose tasks count
     * @param task what is being done, e.g. {@code Labeling}
     * @param total the rows expected, or -1 when unknown (no ETA then)
     * @param err where the bar is drawn
     * @return the running progress display
     */
    static JobProgress start(SparkContext context, String task, long total, PrintStream err) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" images", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
        return new JobProgress(context, bar);
    }

    @Override
    public void close() {
        context.removeSparkListener(listener);
        bar.close();
    }
}

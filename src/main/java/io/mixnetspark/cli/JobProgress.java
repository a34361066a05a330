package io.mixnetspark.cli;

import io.mixnetspark.spark.train.DistributedFit;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code JobProgress} shows a progress bar (images done, images/s, ETA when the total is known) on
 * standard error while Spark jobs run. Labeling counts the rows each finished task wrote, as Spark's
 * task metrics report them; training counts the images the workers have taken, from the {@link
 * DistributedFit#TRAINED_IMAGES} accumulator that running tasks report with every executor
 * heartbeat. Close it when the work is done.
 */
final class JobProgress implements AutoCloseable {

    private final SparkContext context;
    private final ProgressBar bar;
    private final SparkListener listener;

    private JobProgress(SparkContext context, ProgressBar bar, SparkListener listener) {
        this.context = context;
        this.bar = bar;
        this.listener = listener;
        context.addSparkListener(listener);
    }

    /**
     * Starts showing the rows written by Spark tasks.
     *
     * @param context the Spark context whose tasks count
     * @param task what is being done, e.g. {@code Labeling}
     * @param total the rows expected, or -1 when unknown (no ETA then)
     * @param err where the bar is drawn
     * @return the running progress display
     */
    static JobProgress start(SparkContext context, String task, long total, PrintStream err) {
        ProgressBar bar = bar(task, total, err);
        return new JobProgress(context, bar, new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    bar.stepBy(end.taskMetrics().outputMetrics().recordsWritten());
                }
            }
        });
    }

    /**
     * Starts showing the images training workers have taken (all epochs together).
     *
     * @param context the Spark context running the fit
     * @param total the images expected (epochs times training images), or -1 when unknown
     * @param err where the bar is drawn
     * @return the running progress display
     */
    static JobProgress training(SparkContext context, long total, PrintStream err) {
        ProgressBar bar = bar("Training", total, err);
        Map<Long, Long> perTask = new ConcurrentHashMap<>();
        return new JobProgress(context, bar, new SparkListener() {
            @Override
            public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
                for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                        : CollectionConverters.asJava(update.accumUpdates())) {
                    for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                        if (info.name().contains(DistributedFit.TRAINED_IMAGES) && info.update().isDefined()) {
                            perTask.merge((Long) task._1(), ((Number) info.update().get()).longValue(), Math::max);
                        }
                    }
                }
                bar.stepTo(perTask.values().stream().mapToLong(Long::longValue).sum());
            }
        });
    }

    private static ProgressBar bar(String task, long total, PrintStream err) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" images", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    @Override
    public void close() {
        context.removeSparkListener(listener);
        bar.close();
    }
}

package io.mixnetspark.cli;

import io.mixnetspark.spark.train.DistributedFit;
import io.mixnetspark.train.EpochRecord;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
 * heartbeat, and hands each finished epoch ({@link DistributedFit#FINISHED_EPOCHS}, reported the
 * same way) to a callback once. Close it when the work is done.
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
     * Starts showing the images training workers have taken (all epochs together), and passes each
     * epoch the workers finish to {@code onEpoch}, once per epoch number, on Spark's listener thread.
     *
     * @param context the Spark context running the fit
     * @param total the images expected (epochs times training images), or -1 when unknown
     * @param err where the bar is drawn
     * @param onEpoch receives each finished epoch
     * @return the running progress display
     */
    static JobProgress training(SparkContext context, long total, PrintStream err, Consumer<EpochRecord> onEpoch) {
        ProgressBar bar = bar("Training", total, err);
        Map<Long, Long> perTask = new ConcurrentHashMap<>();
        Set<Integer> epochsSeen = ConcurrentHashMap.newKeySet();
        return new JobProgress(context, bar, new SparkListener() {
            @Override
            public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
                for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                        : CollectionConverters.asJava(update.accumUpdates())) {
                    for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                        if (info.name().isEmpty() || info.update().isEmpty()) {
                            continue;
                        }
                        String name = info.name().get();
                        Object value = info.update().get();
                        if (name.equals(DistributedFit.TRAINED_IMAGES)) {
                            perTask.merge((Long) task._1(), ((Number) value).longValue(), Math::max);
                        } else if (name.equals(DistributedFit.FINISHED_EPOCHS) && value instanceof List<?> epochs) {
                            for (Object e : epochs) {
                                if (e instanceof EpochRecord record && epochsSeen.add(record.epoch())) {
                                    onEpoch.accept(record);
                                }
                            }
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

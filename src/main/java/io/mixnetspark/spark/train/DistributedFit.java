package io.mixnetspark.spark.train;

import io.mixnetspark.train.EpochRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * {@code DistributedFit} runs data-parallel training as one Spark job, from the driver: it checks
 * that the cluster has a task slot for every worker, repartitions the training (and validation)
 * rows into {@code numWorkers} shards, zips each training shard with a validation shard, and runs
 * one {@link TrainingWorker} per partition in barrier execution mode. Only the workers' small
 * results come back to the driver (rank 0's weights and history, every worker's weight digest);
 * the driver checks that all workers ended with the same weights.
 *
 * <p>When a worker dies, Spark fails the barrier stage and runs it again (up to {@code
 * spark.stage.maxConsecutiveAttempts} times); with a run folder set, the new attempt resumes from
 * the newest checkpoint. Spark retries only a barrier stage whose output is shuffled (it aborts the
 * job when a barrier result stage fails), so the results pass through a one-partition shuffle.
 */
public final class DistributedFit {

    /**
     * Name of the accumulator that counts the training images the workers have taken so far (all
     * epochs); Spark reports it for running tasks with the executors' heartbeats, so a driver-side
     * listener can show progress.
     */
    public static final String TRAINED_IMAGES = "mixnet.train.images";

    /**
     * Name of the accumulator that collects each finished epoch's {@link EpochRecord} (from rank 0),
     * reported like {@link #TRAINED_IMAGES}, so the driver can show epochs as they end.
     */
    public static final String FINISHED_EPOCHS = "mixnet.train.epochs";

    private DistributedFit() {}

    /**
     * Trains.
     *
     * @param train rows of {@code (image binary, label int)}
     * @param validation rows of the same shape, or null for none
     * @param settings the workers' settings
     * @param startWeights safetensors bytes every worker starts from
     * @param conf the Hadoop configuration (checkpoints)
     * @return every worker's result by rank (rank 0 holds the weights and history), after checking
     *     that their digests agree
     * @throws IllegalStateException when the cluster is too small or the workers disagree
     */
    public static List<WorkerResult> run(Dataset<Row> train, Dataset<Row> validation, WorkerSettings settings,
            byte[] startWeights, Configuration conf) {
        SparkContext sc = train.sparkSession().sparkContext();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        int workers = settings.numWorkers();
        requireSlots(sc, workers);
        Broadcast<byte[]> weights = jsc.broadcast(startWeights);
        Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(conf));
        FitProgress progress = FitProgress.register(sc);
        try {
            JavaRDD<Row> trainRows = train.repartition(workers).javaRDD();
            JavaRDD<Row> valRows = validation == null
                    ? jsc.parallelize(List.<Row>of(), workers)
                    : validation.repartition(workers).javaRDD();
            int classes = settings.config().numClasses();
            RDD<TrainingWorker.Shards> shards = trainRows.zipPartitions(valRows, new ShardPairing(classes)).rdd();
            RDD<WorkerResult> results = shards.barrier().mapPartitions(
                    new BarrierTask(new TrainingWorker(settings, weights, hadoop, progress)), false,
                    ClassTag$.MODULE$.apply(WorkerResult.class));
            // A shuffle after the barrier stage makes it a ShuffleMapStage, which Spark retries when a
            // worker fails; a failed barrier ResultStage would abort the job instead.
            List<WorkerResult> all = new ArrayList<>(results.toJavaRDD().repartition(1).collect());
            all.sort(Comparator.comparingInt(WorkerResult::rank));
            checkAgreement(all);
            return all;
        } finally {
            weights.destroy();
            hadoop.destroy();
        }
    }

    /**
     * Fails unless the cluster can run {@code workers} tasks at once (see {@code ClusterSlots});
     * call it before any costly preparation.
     *
     * @param sc the context
     * @param workers the worker count
     * @throws IllegalStateException naming the slots found, or dynamic allocation
     */
    public static void requireSlots(SparkContext sc, int workers) {
        ClusterSlots.require(sc, workers);
    }

    private static void checkAgreement(List<WorkerResult> all) {
        TreeSet<String> digests = new TreeSet<>();
        all.forEach(r -> digests.add(r.weightsSha256()));
        if (digests.size() != 1) {
            List<String> each = all.stream().map(r -> r.rank() + "=" + r.weightsSha256().substring(0, 12)).toList();
            throw new IllegalStateException("training workers ended with different weights: " + each);
        }
    }

    /** Reads a training partition and its validation partition into memory, as one element. */
    private static final class ShardPairing implements FlatMapFunction2<Iterator<Row>, Iterator<Row>, TrainingWorker.Shards> {
        private static final long serialVersionUID = 1L;
        private final int classes;

        ShardPairing(int classes) {
            this.classes = classes;
        }

        @Override
        public Iterator<TrainingWorker.Shards> call(Iterator<Row> train, Iterator<Row> validation) {
            return List.of(new TrainingWorker.Shards(ShardImages.of(train, classes), ShardImages.of(validation, classes)))
                    .iterator();
        }
    }

    /** The barrier stage's partition function (a Scala function, as {@code RDDBarrier} takes). */
    private static final class BarrierTask
            extends AbstractFunction1<scala.collection.Iterator<TrainingWorker.Shards>, scala.collection.Iterator<WorkerResult>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final TrainingWorker worker;

        BarrierTask(TrainingWorker worker) {
            this.worker = worker;
        }

        @Override
        public scala.collection.Iterator<WorkerResult> apply(scala.collection.Iterator<TrainingWorker.Shards> shards) {
            WorkerResult result = worker.run(shards.next());
            return CollectionConverters.asScala(List.of(result).iterator());
        }
    }
}

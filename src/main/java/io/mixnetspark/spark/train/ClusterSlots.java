package io.mixnetspark.spark.train;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * {@code ClusterSlots} checks, before a training job is submitted, that the cluster can run every
 * worker at once, as barrier execution requires. Spark would otherwise retry its own check for
 * about ten minutes ({@code spark.scheduler.barrier.maxConcurrentTasksCheck.*}) before failing.
 *
 * <p>The slot count is the scheduler's own ({@code SparkContext.maxNumConcurrentTasks} for the
 * default resource profile: per live executor, its cores divided by {@code spark.task.cpus}, capped
 * by task resources such as GPUs). It is {@code private[spark]} in Scala and public in the bytecode;
 * this class is the only place that calls it. Executors still registering are waited for up to
 * {@code spark.scheduler.maxRegisteredResourcesWaitingTime} (default 30 s).
 */
final class ClusterSlots {

    private static final long POLL_MILLIS = 250;

    private ClusterSlots() {}

    /**
     * Fails unless {@code workers} tasks can run at the same time.
     *
     * @param sc the context
     * @param workers the tasks the barrier stage needs
     * @throws IllegalStateException naming the slots found, the setting to change, or dynamic
     *     allocation
     */
    static void require(SparkContext sc, int workers) {
        SparkConf conf = sc.conf();
        String master = conf.get("spark.master", "");
        boolean localMaster = master.equals("local") || master.startsWith("local[");
        if (!localMaster && conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            throw new IllegalStateException("MixNet training runs in Spark's barrier execution mode, which does not"
                    + " support dynamic allocation: set spark.dynamicAllocation.enabled=false (and size the"
                    + " cluster for numWorkers=" + workers + ")");
        }
        long deadline = System.currentTimeMillis() + conf.getTimeAsMs("spark.scheduler.maxRegisteredResourcesWaitingTime", "30s");
        int slots = slots(sc);
        while (slots < workers && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            slots = slots(sc);
        }
        if (slots < workers) {
            throw new IllegalStateException("numWorkers=" + workers + " needs " + workers + " task slots at once"
                    + " (barrier execution), but the cluster offers " + slots + " (" + executors(sc)
                    + " executor(s), spark.task.cpus=" + conf.get("spark.task.cpus", "1") + "). Lower numWorkers,"
                    + " add executors or cores, or lower spark.task.cpus.");
        }
    }

    private static int slots(SparkContext sc) {
        return sc.maxNumConcurrentTasks(sc.resourceProfileManager().defaultResourceProfile());
    }

    /** Executors other than the driver. */
    private static int executors(SparkContext sc) {
        return Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
    }
}

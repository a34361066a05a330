package io.mixnetspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code LocalClusterSessions} starts a real multi-JVM Spark cluster on loopback for tests:
 * Spark's {@code local-cluster[workers,cores,memory]} master runs a standalone master and worker
 * daemons inside the test JVM, and each worker launches its executor as a separate JVM. The
 * executors get the test JVM's class path and JVM flags, and a minimal Spark home under
 * {@code target/} stands in for a Spark distribution (the launcher only needs its layout).
 *
 * <p>Standalone workers read their Spark home from {@code spark.test.home} when
 * {@code spark.testing} is set, as Spark's own test suites do; {@link #stop} clears both.
 */
public final class LocalClusterSessions {

    private LocalClusterSessions() {}

    /**
     * Starts a cluster session.
     *
     * @param appName the application name
     * @param workers how many workers (one executor JVM each)
     * @param coresPerWorker task slots per executor
     * @param extraConf further Spark settings (resources, task retries, ...)
     * @return the session
     */
    public static SparkSession start(String appName, int workers, int coresPerWorker, Map<String, String> extraConf) {
        System.setProperty("spark.testing", "true");
        System.setProperty("spark.test.home", sparkHome().toString());
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master("local-cluster[" + workers + "," + coresPerWorker + ",2048]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", executorJavaOptions());
        extraConf.forEach(builder::config);
        return builder.getOrCreate();
    }

    /**
     * Stops the session and clears the test-only system properties.
     *
     * @param spark the session from {@link #start}
     */
    public static void stop(SparkSession spark) {
        if (spark != null) {
            spark.stop();
        }
        System.clearProperty("spark.testing");
        System.clearProperty("spark.test.home");
    }

    private static String executorJavaOptions() {
        StringBuilder opts = new StringBuilder("-Dai.djl.offline=true -Djava.awt.headless=true");
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
                opts.append(' ').append(arg);
            }
        }
        String shared = System.getProperty("mixnet.shared.dir");
        if (shared != null) {
            opts.append(" -Dmixnet.shared.dir=").append(shared);
        }
        return opts.toString();
    }

    private static Path sparkHome() {
        return sparkHome(Paths.get("target", "local-cluster-spark-home").toAbsolutePath());
    }

    /**
     * Lays out a folder as the {@code SPARK_HOME} a standalone worker launches executors from: the
     * {@code jars/} and launcher folders Spark's launcher looks for, empty (the executors' class
     * path is given explicitly).
     *
     * @param home the folder
     * @return {@code home}
     */
    public static Path sparkHome(Path home) {
        try {
            Files.createDirectories(home.resolve("jars"));
            Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }
}

package io.mixnetspark.spark;

import io.mixnetspark.spark.sql.MixNetSqlExtensions;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/**
 * {@code LocalSpark} gives command-line tools their SparkSession. Under {@code spark-submit} (or
 * whenever the {@code spark.master} system property is set) the session is built from that
 * configuration as is, with whatever catalog the cluster configures; otherwise it runs embedded
 * ({@link #embedded}). An already running session is returned unchanged.
 */
public final class LocalSpark {

    /** System property naming the folder that holds the embedded catalog; default the working directory. */
    public static final String HOME_PROPERTY = "mixnet.home";

    private LocalSpark() {}

    /**
     * Returns the running session or starts one.
     *
     * @param appName the application name shown by Spark
     * @return the session
     */
    public static SparkSession getOrCreate(String appName) {
        if (System.getProperty("spark.master") != null) {
            return SparkSession.builder().appName(appName).getOrCreate();
        }
        return embedded(appName, "local[*]").getOrCreate();
    }

    /**
     * Returns the builder of the embedded set-up: the given local master, web UI off, driver bound
     * to the loopback address (a laptop or CI machine needs no cluster and opens no public port),
     * and Spark SQL's catalog in an embedded Hive metastore (Derby) with a local warehouse, so
     * tables outlive the process. Both live in {@link #catalogHome()} under Spark's default names
     * {@code metastore_db/} and {@code spark-warehouse/}. The SQL labeling functions ({@link
     * MixNetSqlExtensions}) are registered.
     *
     * @param appName the application name
     * @param master a local master, e.g. {@code local[*]} or {@code local[2,3]} (3 task attempts)
     * @return the builder, for further settings
     */
    public static SparkSession.Builder embedded(String appName, String master) {
        Path home = catalogHome();
        return SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", "false")
                // running tasks report accumulators with each heartbeat: frequent enough for progress bars
                .config("spark.executor.heartbeatInterval", "2s")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.warehouse.dir", home.resolve("spark-warehouse").toUri().toString())
                // the SQL labeling functions (mixnet_topk, mixnet_label, mixnet_error)
                .config("spark.sql.extensions", MixNetSqlExtensions.class.getName())
                .config("spark.hadoop.javax.jdo.option.ConnectionURL",
                        "jdbc:derby:;databaseName=" + home.resolve("metastore_db") + ";create=true")
                .enableHiveSupport();
    }

    /**
     * Returns the folder of the embedded catalog: the {@value #HOME_PROPERTY} system property (the
     * {@code ./mixnet} launcher sets the project folder), else the working directory.
     *
     * @return the absolute folder
     */
    public static Path catalogHome() {
        return Paths.get(System.getProperty(HOME_PROPERTY, System.getProperty("user.dir"))).toAbsolutePath();
    }
}

package io.mixnetspark.spark;

import org.apache.spark.sql.SparkSession;

/**
 * {@code LocalSpark} gives command-line tools their SparkSession. Under {@code spark-submit} (or
 * whenever the {@code spark.master} system property is set) the session is built from that
 * configuration as is; otherwise it runs embedded: {@code local[*]}, web UI off, driver bound to
 * the loopback address, so a laptop or CI machine needs no cluster and opens no public port. An
 * already running session is returned unchanged.
 */
public final class LocalSpark {

    private LocalSpark() {}

    /**
     * Returns the running session or starts one.
     *
     * @param appName the application name shown by Spark
     * @return the session
     */
    public static SparkSession getOrCreate(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}

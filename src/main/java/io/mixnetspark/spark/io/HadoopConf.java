package io.mixnetspark.spark.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * {@code HadoopConf} gives the Hadoop configuration that Spark's own file sources use for a session:
 * the context's configuration (with {@code spark.hadoop.*}) plus the session's SQL settings, so
 * that {@code fs.s3a.*} set either way reach {@code FileSystem}. Driver side.
 */
public final class HadoopConf {

    private HadoopConf() {}

    /**
     * Returns a fresh copy of the session's Hadoop configuration.
     *
     * @param spark a classic (non-Connect) session
     * @return a configuration the caller may change
     */
    public static Configuration of(SparkSession spark) {
        return ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().newHadoopConf();
    }
}

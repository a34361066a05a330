package io.mixnetspark.spark.io;

import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * {@code SparkMlPersistence} is the only place that calls Spark ML's {@code DefaultParamsWriter}
 * and {@code DefaultParamsReader} ({@code private[ml]} in Scala, reachable from Java): a stage's
 * {@code metadata/} folder (class, uid, Spark version, params and default params as JSON), as
 * every MLlib stage writes it.
 */
public final class SparkMlPersistence {

    private SparkMlPersistence() {}

    /**
     * Writes a stage's {@code metadata/} folder.
     *
     * @param stage the stage
     * @param path the stage's folder
     * @param spark the session
     */
    public static void saveMetadata(Params stage, String path, SparkSession spark) {
        DefaultParamsWriter.saveMetadata(stage, path, spark);
    }

    /**
     * Reads a stage's metadata, checks its class, and returns its uid.
     *
     * @param path the stage's folder
     * @param spark the session
     * @param expectedClass the class name the folder must hold
     * @return the saved uid
     */
    public static String loadUid(String path, SparkSession spark, String expectedClass) {
        return DefaultParamsReader.loadMetadata(path, spark, expectedClass).uid();
    }

    /**
     * Sets a new instance's params from the saved metadata.
     *
     * @param stage the freshly created stage (same uid)
     * @param path the stage's folder
     * @param spark the session
     * @param expectedClass the class name the folder must hold
     */
    public static void restoreParams(Params stage, String path, SparkSession spark, String expectedClass) {
        DefaultParamsReader.loadMetadata(path, spark, expectedClass).getAndSetParams(stage, Option.empty());
    }

    /**
     * Returns Spark's reader for stages whose state is only their params ({@code
     * DefaultParamsWritable} stages): it finds the class in the metadata, calls its {@code (String
     * uid)} constructor and sets the saved params.
     *
     * @param <T> the stage type
     * @return the reader
     */
    public static <T> MLReader<T> paramsReader() {
        return new DefaultParamsReader<>();
    }
}

package io.mixnetspark.spark.tables;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * {@code RecordedRun} brackets a run with its runs-table record: written as {@code RUNNING} before
 * the work, rewritten as {@code SUCCEEDED} or {@code FAILED} (with the reason) after it.
 */
public final class RecordedRun {

    private RecordedRun() {}

    /**
     * Runs the work between the two writes of its record.
     *
     * @param spark the session
     * @param tables where the record goes
     * @param start the record of the starting run
     * @param work the run's work
     * @param <T> what the work returns
     * @return what the work returned
     */
    public static <T> T record(SparkSession spark, MetricsTables tables, RunRecord start, Supplier<T> work) {
        tables.writeRun(spark, start);
        T result;
        try {
            result = work.get();
        } catch (Throwable e) {
            // Throwable, not RuntimeException: a failed Spark job throws SparkException, which Scala
            // throws unchecked but Java counts as checked; the precise rethrow below passes it on
            tables.writeRun(spark, start.finished(e));
            throw e;
        }
        tables.writeRun(spark, start.finished(null));
        return result;
    }
}

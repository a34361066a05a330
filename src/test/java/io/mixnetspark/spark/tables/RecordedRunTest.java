package io.mixnetspark.spark.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.testing.LocalSparkSessions;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A run whose work fails is recorded as FAILED with the reason, also when the failure is a failed
 * Spark job ({@link SparkException}: checked to Java, thrown unchecked by Scala), which left the
 * row RUNNING before.
 */
class RecordedRunTest {

    @AfterAll
    static void stopSpark() {
        LocalSparkSessions.stopActive();
    }

    @Test
    void aFailedSparkJobIsRecordedAsFailed() {
        SparkSession spark = LocalSpark.getOrCreate("RecordedRunTest");
        MetricsTables tables = MetricsTables.in("recorded_run_test");
        CatalogDatabase.ensure(spark, tables.database(), null);
        RunRecord start = RunRecord.started(spark, "rr-failed", "predict", "mixnet_s", "", "files:/nowhere");
        SparkException failure = new SparkException("Job aborted due to stage failure: boom");
        assertThrows(SparkException.class, () -> RecordedRun.record(spark, tables, start, () -> sneaky(failure)));
        Row row = spark.sql("SELECT status, message FROM " + tables.qualified(tables.runs()) + " WHERE run_id = 'rr-failed'").first();
        assertEquals("FAILED", row.getString(0));
        assertEquals(failure.toString(), row.getString(1));
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T sneaky(Throwable e) throws E {
        throw (E) e;
    }
}

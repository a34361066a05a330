package io.mixnetspark.spark.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.spark.LocalSpark;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A runs table written before runs recorded their numerics (no {@code numerics} column) takes the
 * next run's record: the column is added, the old row reads it as null, and the new row holds the
 * JVM's numerics summary.
 */
class RunsTableUpgradeTest {

    private static final MetricsTables TABLES = MetricsTables.in("mixnet_upgrade_test");
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.embedded("RunsTableUpgradeTest", "local[1]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void anOlderRunsTableGainsTheNumericsColumn() {
        spark.sql("DROP DATABASE IF EXISTS " + TABLES.database() + " CASCADE");
        spark.sql("CREATE DATABASE " + TABLES.database());
        spark.sql("CREATE TABLE " + TABLES.qualified(TABLES.runs()) + " (kind STRING, model STRING, config STRING,"
                + " data_source STRING, started_at TIMESTAMP, finished_at TIMESTAMP, status STRING, message STRING,"
                + " spark_master STRING, executors INT, project_version STRING, run_id STRING)"
                + " USING parquet PARTITIONED BY (run_id)");
        spark.sql("INSERT INTO " + TABLES.qualified(TABLES.runs()) + " PARTITION (run_id = 'old') SELECT 'train',"
                + " 'mixnet_s', '', '', current_timestamp(), current_timestamp(), 'SUCCEEDED', null, 'local', 1, '0.1'");

        TABLES.writeRun(spark, RunRecord.started(spark, "new", "validate", "mixnet_s", "", "here").finished(null));

        List<Row> rows = spark.sql("SELECT run_id, numerics FROM " + TABLES.qualified(TABLES.runs())
                + " ORDER BY run_id").collectAsList();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("new", rows.get(0).getString(0));
        assertEquals(Numerics.ensureChecked().summary(), rows.get(0).getString(1));
        assertEquals("old", rows.get(1).getString(0));
        assertNull(rows.get(1).get(1), "an old run has no numerics");
        assertTrue(List.of(spark.table(TABLES.qualified(TABLES.runs())).schema().fieldNames()).contains("numerics"));
        spark.sql("DROP DATABASE " + TABLES.database() + " CASCADE");
    }
}

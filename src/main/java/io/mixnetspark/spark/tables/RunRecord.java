package io.mixnetspark.spark.tables;

import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.model.numerics.NumericsReport;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * {@code RunRecord} is one row of the runs table: what ran, on what, and how it ended. A run
 * writes its record when it starts ({@link #started}, status {@code RUNNING}) and again when it ends
 * ({@link #finished}); the second write replaces the first.
 *
 * @param runId the run id
 * @param kind {@code train}, {@code validate} or {@code predict}
 * @param model the model variant, e.g. {@code mixnet_s}
 * @param config the resolved settings (the recipe as YAML, or the command line)
 * @param dataSource where the data came from (path and layout)
 * @param startedAt when the run started
 * @param finishedAt when it ended, or null while running
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param message why it failed, or null
 * @param sparkMaster the Spark master URL
 * @param executors executor JVMs (local mode: 1, the driver)
 * @param projectVersion the mixnet-spark version
 * @param numerics the CPU and the fast paths the driver's numerics self-check chose ({@link
 *     NumericsReport#summary()}); executors log their own
 */
public record RunRecord(
        String runId,
        String kind,
        String model,
        String config,
        String dataSource,
        Instant startedAt,
        Instant finishedAt,
        String status,
        String message,
        String sparkMaster,
        int executors,
        String projectVersion,
        String numerics) {

    /** Status of a run in progress. */
    public static final String RUNNING = "RUNNING";
    /** Status of a run that ended well. */
    public static final String SUCCEEDED = "SUCCEEDED";
    /** Status of a run that failed. */
    public static final String FAILED = "FAILED";

    /** Checks the run id. */
    public RunRecord {
        SqlNames.runId(runId);
    }

    /**
     * Describes a run starting now on the session's cluster. Runs the numerics self-check on the
     * driver if no network has yet (in local mode the driver is the executor).
     *
     * @param spark the session
     * @param runId the run id
     * @param kind {@code train}, {@code validate} or {@code predict}
     * @param model the model variant
     * @param config the resolved settings
     * @param dataSource the data
     * @return the record, status {@code RUNNING}
     * @throws IllegalStateException when the self-check refuses to let this JVM compute
     */
    public static RunRecord started(SparkSession spark, String runId, String kind, String model, String config,
            String dataSource) {
        SparkContext sc = spark.sparkContext();
        int executors = sc.isLocal() ? 1 : Math.max(1, sc.getExecutorMemoryStatus().size() - 1);
        String version = RunRecord.class.getPackage().getImplementationVersion();
        return new RunRecord(runId, kind, model, config, dataSource, Instant.now(), null, RUNNING, null, sc.master(),
                executors, version == null ? "development build" : version, Numerics.ensureChecked().summary());
    }

    /**
     * Returns this run ended now.
     *
     * @param failure the failure, or null when the run succeeded
     * @return the record with end time, status and message
     */
    public RunRecord finished(Throwable failure) {
        return new RunRecord(runId, kind, model, config, dataSource, startedAt, Instant.now(),
                failure == null ? SUCCEEDED : FAILED, failure == null ? null : failure.toString(), sparkMaster, executors,
                projectVersion, numerics);
    }

    /**
     * Returns the table row, without the {@code run_id} partition column.
     *
     * @return the row in {@link MetricsTables#RUNS_COLUMNS} order
     */
    Row toRow() {
        return RowFactory.create(kind, model, config, dataSource, Timestamp.from(startedAt),
                finishedAt == null ? null : Timestamp.from(finishedAt), status, message, sparkMaster, executors,
                projectVersion, numerics);
    }
}

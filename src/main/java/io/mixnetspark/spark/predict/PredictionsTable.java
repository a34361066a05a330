package io.mixnetspark.spark.predict;

import io.mixnetspark.spark.exec.LabelingContract;
import io.mixnetspark.spark.tables.CatalogDatabase;
import io.mixnetspark.spark.tables.PartitionOverwrite;
import io.mixnetspark.spark.tables.SqlNames;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code PredictionsTable} is the SQL table labeling runs append to, in the session's catalog (the
 * embedded Hive metastore on the default set-up). One row per image and run:
 *
 * <pre>
 * key STRING, source STRING, fingerprint STRING, model STRING, labeled_at TIMESTAMP,
 * top_k ARRAY&lt;STRUCT&lt;rank INT, index INT, wnid STRING, label STRING, probability DOUBLE&gt;&gt;,
 *     -- LabelingContract's top-k array
 * error STRING, run_id STRING   -- partition column
 * </pre>
 *
 * <p>The table is a Parquet table partitioned by {@code run_id}. A run's rows overwrite that run's
 * partition, so writing the same run again (a retried or repeated run) replaces
 * its partition instead of duplicating rows; other runs are untouched. Within one write, Spark's
 * commit protocol keeps only one attempt of every task, so a retried task adds no duplicates.
 *
 * @param database the database (created when missing)
 * @param table the table name (created when missing)
 * @param location where a new table keeps its files (any Hadoop file system URI, e.g. {@code
 *     s3a://lake/tables/predictions}), or null for the catalog's warehouse
 */
public record PredictionsTable(String database, String table, String location) {

    /** Default database. */
    public static final String DEFAULT_DATABASE = "mixnet";
    /** Default table. */
    public static final String DEFAULT_TABLE = "predictions";

    /** Column order of the table, partition column last. */
    public static final String[] COLUMNS = {
        "key", "source", "fingerprint", "model", "labeled_at", "top_k", "error", "run_id"};

    /**
     * Validates the names.
     *
     * @throws IllegalArgumentException naming the bad name and what is allowed
     */
    public PredictionsTable {
        SqlNames.identifier("database", database);
        SqlNames.identifier("table", table);
        if (location != null && location.contains("'")) {
            throw new IllegalArgumentException("table location must not contain a quote: " + location);
        }
    }

    /**
     * A table in the catalog's warehouse.
     *
     * @param database the database
     * @param table the table
     */
    public PredictionsTable(String database, String table) {
        this(database, table, null);
    }

    /**
     * The default {@code mixnet.predictions}.
     *
     * @return the default table
     */
    public static PredictionsTable defaults() {
        return new PredictionsTable(DEFAULT_DATABASE, DEFAULT_TABLE);
    }

    /**
     * Returns the qualified name, {@code database.table}.
     *
     * @return the name for SQL
     */
    public String qualifiedName() {
        return database + "." + table;
    }

    /**
     * Creates the database and table when they do not exist.
     *
     * @param spark the session
     */
    public void ensureExists(SparkSession spark) {
        CatalogDatabase.ensure(spark, database, null);
        spark.sql("CREATE TABLE IF NOT EXISTS " + qualifiedName() + " ("
                + "key STRING, source STRING, fingerprint STRING, model STRING, labeled_at TIMESTAMP, "
                + "top_k " + LabelingContract.topKDdl() + ", "
                + "error STRING, run_id STRING) USING parquet PARTITIONED BY (run_id)"
                + (location == null ? "" : " LOCATION '" + location + "'"));
    }

    /**
     * Writes one run's rows, replacing any earlier write of the same run: an {@code INSERT
     * OVERWRITE} of the run's partition only.
     *
     * @param rows rows with {@link #COLUMNS} except {@code run_id}
     * @param runId the run, letters, digits and {@code _ . : -}
     * @throws IllegalArgumentException for a run id with other characters
     */
    public void writeRun(Dataset<Row> rows, String runId) {
        SqlNames.runId(runId);
        ensureExists(rows.sparkSession());
        PartitionOverwrite.write(rows.selectExpr(Arrays.copyOf(COLUMNS, COLUMNS.length - 1)), qualifiedName(),
                Map.of("run_id", runId));
    }
}

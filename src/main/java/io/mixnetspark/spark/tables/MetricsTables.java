package io.mixnetspark.spark.tables;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.mixnetspark.model.ClassNames;
import io.mixnetspark.spark.eval.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code MetricsTables} are the four SQL tables runs write their metrics to, in the session's
 * catalog (the embedded Hive metastore on the default set-up, so they outlive the process). All are
 * Parquet tables; the database is created when missing. Schemas (partition columns last):
 *
 * <pre>
 * runs           kind, model, config, data_source, started_at, finished_at, status, message,
 *                spark_master, executors, project_version, numerics | run_id
 * epoch_metrics  epoch, step, train_loss, train_top1, lr, images_per_sec, ms_per_step, val_top1,
 *                val_top5, val_loss, val_images, seconds, recorded_at | run_id
 * class_metrics  class_index, wnid, name, support, top1, top5 | run_id, epoch
 * confusion      true_class, true_wnid, true_name, predicted_class, predicted_wnid,
 *                predicted_name, count | run_id, epoch
 * </pre>
 *
 * <p>Every write replaces a whole partition ({@link PartitionOverwrite}): the run's record, the
 * run's epoch rows (the caller passes all epochs so far), or one (run, epoch) of class metrics and
 * confusion counts. A retried or repeated write therefore never duplicates rows.
 *
 * @param database the database
 * @param runs the runs table
 * @param epochMetrics the epoch metrics table
 * @param classMetrics the class metrics table
 * @param confusion the confusion counts table
 */
public record MetricsTables(String database, String runs, String epochMetrics, String classMetrics, String confusion) {

    /** Default database. */
    public static final String DEFAULT_DATABASE = "mixnet";

    /** Data columns of the runs table. */
    static final StructType RUNS_COLUMNS = new StructType()
            .add("kind", DataTypes.StringType)
            .add("model", DataTypes.StringType)
            .add("config", DataTypes.StringType)
            .add("data_source", DataTypes.StringType)
            .add("started_at", DataTypes.TimestampType)
            .add("finished_at", DataTypes.TimestampType)
            .add("status", DataTypes.StringType)
            .add("message", DataTypes.StringType)
            .add("spark_master", DataTypes.StringType)
            .add("executors", DataTypes.IntegerType)
            .add("project_version", DataTypes.StringType)
            .add("numerics", DataTypes.StringType);

    /** Data columns of the epoch metrics table. */
    static final StructType EPOCH_COLUMNS = new StructType()
            .add("epoch", DataTypes.IntegerType)
            .add("step", DataTypes.LongType)
            .add("train_loss", DataTypes.DoubleType)
            .add("train_top1", DataTypes.DoubleType)
            .add("lr", DataTypes.DoubleType)
            .add("images_per_sec", DataTypes.DoubleType)
            .add("ms_per_step", DataTypes.DoubleType)
            .add("val_top1", DataTypes.DoubleType)
            .add("val_top5", DataTypes.DoubleType)
            .add("val_loss", DataTypes.DoubleType)
            .add("val_images", DataTypes.LongType)
            .add("seconds", DataTypes.DoubleType)
            .add("recorded_at", DataTypes.TimestampType);

    private static final StructType CLASS_COLUMNS = new StructType()
            .add("class_index", DataTypes.IntegerType)
            .add("wnid", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("support", DataTypes.LongType)
            .add("top1", DataTypes.DoubleType)
            .add("top5", DataTypes.DoubleType);

    private static final StructType CONFUSION_COLUMNS = new StructType()
            .add("true_class", DataTypes.IntegerType)
            .add("true_wnid", DataTypes.StringType)
            .add("true_name", DataTypes.StringType)
            .add("predicted_class", DataTypes.IntegerType)
            .add("predicted_wnid", DataTypes.StringType)
            .add("predicted_name", DataTypes.StringType)
            .add("count", DataTypes.LongType);

    /**
     * Validates the names.
     *
     * @throws IllegalArgumentException naming a name that is not a plain identifier
     */
    public MetricsTables {
        SqlNames.identifier("database", database);
        SqlNames.identifier("runs table", runs);
        SqlNames.identifier("epoch metrics table", epochMetrics);
        SqlNames.identifier("class metrics table", classMetrics);
        SqlNames.identifier("confusion table", confusion);
    }

    /**
     * The default tables in a database: {@code runs}, {@code epoch_metrics}, {@code
     * class_metrics}, {@code confusion}.
     *
     * @param database the database, e.g. {@value #DEFAULT_DATABASE}
     * @return the tables
     */
    public static MetricsTables in(String database) {
        return new MetricsTables(database, "runs", "epoch_metrics", "class_metrics", "confusion");
    }

    /**
     * Returns a table's qualified name.
     *
     * @param table one of this record's table names
     * @return {@code database.table}
     */
    public String qualified(String table) {
        return database + "." + table;
    }

    /**
     * Creates the database and the four tables when missing.
     *
     * @param spark the session
     */
    public void ensureExists(SparkSession spark) {
        for (String table : List.of(runs, epochMetrics, classMetrics, confusion)) {
            ensureTable(spark, table);
        }
    }

    /**
     * Creates the database and one table when missing, and adds the data columns a table written by
     * an earlier version lacks (they read as null in its old rows).
     */
    private void ensureTable(SparkSession spark, String table) {
        CatalogDatabase.ensure(spark, database, null);
        boolean perEpoch = table.equals(classMetrics) || table.equals(confusion);
        StructType columns = table.equals(runs) ? RUNS_COLUMNS
                : table.equals(epochMetrics) ? EPOCH_COLUMNS
                : table.equals(classMetrics) ? CLASS_COLUMNS : CONFUSION_COLUMNS;
        spark.sql("CREATE TABLE IF NOT EXISTS " + qualified(table) + " (" + columns.toDDL()
                + (perEpoch ? ", run_id STRING, epoch INT) USING parquet PARTITIONED BY (run_id, epoch)"
                        : ", run_id STRING) USING parquet PARTITIONED BY (run_id)"));
        List<String> present = List.of(spark.table(qualified(table)).schema().fieldNames());
        StructType missing = new StructType(Arrays.stream(columns.fields())
                .filter(f -> !present.contains(f.name())).toArray(StructField[]::new));
        if (missing.fields().length > 0) {
            spark.sql("ALTER TABLE " + qualified(table) + " ADD COLUMNS (" + missing.toDDL() + ")");
        }
    }

    /**
     * Writes (or replaces) a run's record.
     *
     * @param spark the session
     * @param run the record
     */
    public void writeRun(SparkSession spark, RunRecord run) {
        ensureTable(spark, runs);
        PartitionOverwrite.write(spark.createDataFrame(List.of(run.toRow()), RUNS_COLUMNS), qualified(runs),
                Map.of("run_id", run.runId()));
    }

    /**
     * Replaces a run's epoch rows with the given ones (pass every epoch so far).
     *
     * @param spark the session
     * @param runId the run
     * @param epochs the rows
     */
    public void writeEpochs(SparkSession spark, String runId, List<EpochRow> epochs) {
        ensureTable(spark, epochMetrics);
        List<Row> rows = new ArrayList<>(epochs.size());
        for (EpochRow e : epochs) {
            rows.add(e.toRow());
        }
        PartitionOverwrite.write(spark.createDataFrame(rows, EPOCH_COLUMNS), qualified(epochMetrics),
                Map.of("run_id", SqlNames.runId(runId)));
    }

    /**
     * Writes (or replaces) one epoch's class metrics and confusion counts, aggregated on the
     * executors from scored rows ({@link Evaluation#perClass}, {@link Evaluation#confusion}).
     * Persist the scored rows first when they are expensive to recompute.
     *
     * @param runId the run
     * @param epoch the epoch
     * @param scored rows from {@code ScoredRows.of}
     * @param classes id and name of each class index
     */
    public void writeClassResults(String runId, int epoch, Dataset<Row> scored, ClassNames classes) {
        SparkSession spark = scored.sparkSession();
        ensureTable(spark, classMetrics);
        ensureTable(spark, confusion);
        Dataset<Row> names = broadcast(classTable(spark, classes));
        Dataset<Row> perClass = Evaluation.perClass(scored)
                .join(names, col("class_index").equalTo(names.col("i")), "left")
                .select("class_index", "wnid", "name", "support", "top1", "top5");
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("run_id", SqlNames.runId(runId));
        partition.put("epoch", epoch);
        PartitionOverwrite.write(perClass, qualified(classMetrics), partition);
        Dataset<Row> t = names.toDF("t_i", "t_wnid", "t_name");
        Dataset<Row> p = names.toDF("p_i", "p_wnid", "p_name");
        Dataset<Row> cells = Evaluation.confusion(scored)
                .join(t, col("true_class").equalTo(col("t_i")), "left")
                .join(p, col("predicted_class").equalTo(col("p_i")), "left")
                .select(col("true_class"), col("t_wnid").as("true_wnid"), col("t_name").as("true_name"),
                        col("predicted_class"), col("p_wnid").as("predicted_wnid"), col("p_name").as("predicted_name"),
                        col("count"));
        PartitionOverwrite.write(cells, qualified(confusion), partition);
    }

    private static Dataset<Row> classTable(SparkSession spark, ClassNames classes) {
        List<Row> rows = new ArrayList<>(classes.size());
        for (int i = 0; i < classes.size(); i++) {
            rows.add(RowFactory.create(i, classes.ids().get(i), classes.names().get(i)));
        }
        StructType schema = new StructType()
                .add("i", DataTypes.IntegerType)
                .add("wnid", DataTypes.StringType)
                .add("name", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }
}

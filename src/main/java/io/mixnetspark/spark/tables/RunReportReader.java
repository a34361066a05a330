package io.mixnetspark.spark.tables;

import io.mixnetspark.report.RunReport;
import io.mixnetspark.report.RunReport.ClassPoint;
import io.mixnetspark.report.RunReport.ConfusedPair;
import io.mixnetspark.report.RunReport.EpochPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code RunReportReader} reads what the {@link MetricsTables} hold about one run into a {@link
 * RunReport}: the run's record, its epoch rows, and the class figures and most confused pairs of
 * the last epoch that has them. Small queries, filtered on the partition columns.
 *
 * @param tables the tables to read
 */
public record RunReportReader(MetricsTables tables) {

    /** Confused pairs a report lists at most. */
    public static final int MAX_PAIRS = 15;

    /**
     * Reads a run.
     *
     * @param spark the session
     * @param runId the run
     * @return the report data
     * @throws IllegalArgumentException when the runs table has no such run
     */
    public RunReport read(SparkSession spark, String runId) {
        SqlNames.runId(runId);
        tables.ensureExists(spark);
        String where = " WHERE run_id = '" + runId + "'";
        List<Row> runs = spark.sql("SELECT kind, model, status, message, started_at, finished_at, data_source, spark_master, "
                + "executors, project_version, config FROM " + tables.qualified(tables.runs()) + where).collectAsList();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run '" + runId + "' in " + tables.qualified(tables.runs()));
        }
        Row r = runs.get(0);
        Map<String, String> facts = new LinkedHashMap<>();
        String[] labels = {"kind", "model", "status", "message", "started", "finished", "data", "Spark master",
            "executors", "mixnet-spark", "config"};
        for (int i = 0; i < labels.length; i++) {
            if (!r.isNullAt(i)) {
                facts.put(labels[i], String.valueOf(r.get(i)));
            }
        }
        List<EpochPoint> epochs = spark.sql("SELECT epoch, train_loss, val_loss, lr, train_top1, val_top1, val_top5 FROM "
                        + tables.qualified(tables.epochMetrics()) + where + " ORDER BY epoch").collectAsList().stream()
                .map(e -> new EpochPoint(e.getInt(0), d(e, 1), d(e, 2), d(e, 3), d(e, 4), d(e, 5), d(e, 6)))
                .toList();
        Row last = spark.sql("SELECT max(epoch) FROM " + tables.qualified(tables.classMetrics()) + where).first();
        if (last.isNullAt(0)) {
            return new RunReport(runId, facts, epochs, null, List.of(), List.of());
        }
        int epoch = last.getInt(0);
        String at = where + " AND epoch = " + epoch;
        List<ClassPoint> classes = spark.sql("SELECT class_index, coalesce(name, wnid, string(class_index)), support, "
                        + "top1, top5 FROM " + tables.qualified(tables.classMetrics()) + at + " ORDER BY class_index")
                .collectAsList().stream()
                .map(c -> new ClassPoint(c.getInt(0), c.getString(1), c.getLong(2), c.getDouble(3), c.getDouble(4)))
                .toList();
        List<ConfusedPair> pairs = spark.sql("SELECT coalesce(true_name, string(true_class)), "
                        + "coalesce(predicted_name, string(predicted_class)), count FROM "
                        + tables.qualified(tables.confusion()) + at + " AND true_class != predicted_class "
                        + "ORDER BY count DESC, true_class, predicted_class LIMIT " + MAX_PAIRS)
                .collectAsList().stream()
                .map(p -> new ConfusedPair(p.getString(0), p.getString(1), p.getLong(2)))
                .toList();
        return new RunReport(runId, facts, epochs, epoch, classes, pairs);
    }

    private static Double d(Row row, int i) {
        return row.isNullAt(i) ? null : row.getDouble(i);
    }
}

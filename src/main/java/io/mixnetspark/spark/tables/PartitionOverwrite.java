package io.mixnetspark.spark.tables;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code PartitionOverwrite} replaces one static partition of a partitioned table with new rows:
 * {@code INSERT OVERWRITE TABLE t PARTITION (run_id = 'r', epoch = 3) SELECT ...} from a temporary
 * view. Writing the same partition again replaces it, so a retried or repeated write never
 * duplicates rows, and other partitions are untouched. Within one write, Spark's commit protocol
 * keeps only one attempt of every task.
 */
public final class PartitionOverwrite {

    private PartitionOverwrite() {}

    /**
     * Overwrites a partition.
     *
     * @param rows the rows, with exactly the table's data columns in order (no partition columns)
     * @param table the qualified table name, checked by the caller
     * @param partition partition column to value, in the table's partition order; values are
     *     strings (checked run ids) or integers
     */
    public static void write(Dataset<Row> rows, String table, Map<String, Object> partition) {
        SparkSession spark = rows.sparkSession();
        String spec = partition.entrySet().stream()
                .map(e -> e.getKey() + " = " + literal(e.getValue()))
                .collect(Collectors.joining(", "));
        String view = "mixnet_rows_" + UUID.randomUUID().toString().replace('-', '_');
        rows.createOrReplaceTempView(view);
        try {
            spark.sql("INSERT OVERWRITE TABLE " + table + " PARTITION (" + spec + ") SELECT * FROM " + view);
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    private static String literal(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return "'" + SqlNames.runId(value.toString()) + "'";
    }
}

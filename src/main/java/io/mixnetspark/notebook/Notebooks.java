package io.mixnetspark.notebook;

import io.mixnetspark.report.ReportRenderer;
import io.mixnetspark.spark.LocalSpark;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * {@code Notebooks} holds what the notebooks in {@code notebooks/} share: the Spark session of the
 * default set-up, small per-class samples of image datasets, and Spark results as HTML tables for the
 * kernel's {@code display("text/html", ...)}.
 *
 * <pre>{@code
 * SparkSession spark = Notebooks.spark();
 * display("text/html", Notebooks.html(spark.sql("SELECT * FROM mixnet.runs"), 20));
 * }</pre>
 */
public final class Notebooks {

    private Notebooks() {}

    /**
     * Returns the running session or starts the embedded one of {@link LocalSpark} (local master,
     * embedded Hive metastore), with few shuffle partitions for notebook-sized queries.
     *
     * <p>It first sets {@code java.util.logging}'s root level to INFO: the Java kernel sets it to
     * FINEST, and Spark's bridge of those records to SLF4J then breaks Janino's code generation
     * ({@code StringIndexOutOfBoundsException} in {@code Descriptor.toClassName}).
     *
     * @return the session
     */
    public static SparkSession spark() {
        Logger.getLogger("").setLevel(Level.INFO);
        return LocalSpark.embedded("mixnet notebook", "local[*]")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /**
     * Returns the first {@code n} images of each class, by key: a small, repeatable sample of an
     * image dataset. The keys are chosen from the {@code key} and {@code label} columns alone, so the
     * image bytes are not shuffled; the images are then read once, filtered by key.
     *
     * @param images rows with {@code key} and {@code label} (as the {@code mixnet-images} source reads them)
     * @param n images per class
     * @return the sample, with the same columns
     */
    public static Dataset<Row> firstPerClass(Dataset<Row> images, int n) {
        Object[] keys = images.select("key", "label")
                .withColumn("n", functions.row_number().over(Window.partitionBy("label").orderBy("key")))
                .where(functions.col("n").leq(n))
                .select("key").as(Encoders.STRING()).collectAsList().toArray();
        return images.where(functions.col("key").isin(keys));
    }

    /**
     * Returns the first rows of a result as an HTML table. Every value is shown as Spark casts it to
     * a string (arrays and structs included); nulls are shown as {@code NULL}. A line under the table
     * says when rows were left out.
     *
     * @param result the result
     * @param maxRows rows shown at most
     * @return the HTML
     */
    public static String html(Dataset<?> result, int maxRows) {
        String[] columns = result.columns();
        Column[] asText = Arrays.stream(columns).map(c -> functions.col("`" + c.replace("`", "``") + "`").cast("string"))
                .toArray(Column[]::new);
        List<Row> rows = result.toDF().select(asText).takeAsList(maxRows + 1);
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        for (String c : columns) {
            html.append("<th>").append(ReportRenderer.escape(c)).append("</th>");
        }
        html.append("</tr>\n");
        for (Row row : rows.subList(0, Math.min(maxRows, rows.size()))) {
            html.append("<tr>");
            for (int i = 0; i < columns.length; i++) {
                html.append("<td>").append(row.isNullAt(i) ? "<i>NULL</i>" : ReportRenderer.escape(row.getString(i)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (rows.size() > maxRows) {
            html.append("<p>Only the first ").append(maxRows).append(" rows are shown.</p>\n");
        }
        return html.toString();
    }
}

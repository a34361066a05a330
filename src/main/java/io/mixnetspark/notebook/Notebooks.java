package io.mixnetspark.notebook;

import io.mixnetspark.report.ReportRenderer;
import io.mixnetspark.spark.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code Notebooks} holds what the notebooks in {@code notebooks/} share: the Spark session of the
 * default set-up, small per-class samples of ImageFolder splits, and Spark results as HTML tables for the
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
     * Copies the first {@code perClass} files (by name) of each class folder of an ImageFolder split
     * ({@code <split>/<class>/<file>}) into {@code target}, in the same layout: a small, repeatable
     * sample to read with the {@code mixnet-images} source, without listing and reading the whole
     * split. Files already in {@code target} are replaced; class folders are the split's.
     *
     * @param split the split folder, e.g. {@code imagenette2-224-subset/train}
     * @param perClass files per class
     * @param target the folder to copy into (created when missing)
     * @return {@code target}
     * @throws IOException when listing or copying fails
     */
    public static Path sample(Path split, int perClass, Path target) throws IOException {
        List<Path> classes;
        try (Stream<Path> s = Files.list(split)) {
            classes = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : classes) {
            Path into = Files.createDirectories(target.resolve(folder.getFileName().toString()));
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(Files::isRegularFile).sorted().limit(perClass).toList();
            }
            for (Path file : files) {
                Files.copy(file, into.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
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

package io.mixnetspark.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixnetspark.testing.LocalSparkSessions;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Notebooks#html} shows values as Spark's strings, escaped, with NULLs and a cut-off note;
 * {@link Notebooks#firstPerClass} samples by key within each label.
 */
class NotebooksTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSparkSessions.start("NotebooksTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void rendersEscapedValuesNestedValuesAndNulls() {
        String html = Notebooks.html(spark.sql("SELECT '<a&b>' AS `x<y`, array(named_struct('rank', 1, 'p', 0.5)) AS top,"
                + " CAST(NULL AS INT) AS n"), 10);
        assertEquals("<table>\n<tr><th>x&lt;y</th><th>top</th><th>n</th></tr>\n"
                + "<tr><td>&lt;a&amp;b&gt;</td><td>[{1, 0.5}]</td><td><i>NULL</i></td></tr>\n</table>\n", html);
    }

    @Test
    void firstPerClassKeepsTheFirstKeysOfEachLabel() {
        Dataset<Row> images = spark.sql("SELECT * FROM VALUES ('c', 0, X'01'), ('a', 0, X'02'), ('b', 0, X'03'),"
                + " ('z', 1, X'04'), ('y', 1, X'05') AS t(key, label, image)");
        assertEquals(List.of("a|0|[2]", "b|0|[3]", "y|1|[5]", "z|1|[4]"), Notebooks.firstPerClass(images, 2).orderBy("key")
                .collectAsList().stream().map(r -> r.getString(0) + "|" + r.getInt(1) + "|" + Arrays.toString((byte[]) r.get(2)))
                .toList());
    }

    @Test
    void saysWhenRowsAreLeftOut() {
        String html = Notebooks.html(spark.range(5).toDF("id"), 2);
        assertEquals("<table>\n<tr><th>id</th></tr>\n<tr><td>0</td></tr>\n<tr><td>1</td></tr>\n</table>\n"
                + "<p>Only the first 2 rows are shown.</p>\n", html);
        assertEquals("<table>\n<tr><th>id</th></tr>\n</table>\n", Notebooks.html(spark.range(0).toDF("id"), 2));
    }
}

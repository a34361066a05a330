package io.mixnetspark.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixnetspark.testing.LocalSparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Notebooks#html} shows values as Spark's strings, escaped, with NULLs and a cut-off note;
 * {@link Notebooks#sample} copies the first files of each class.
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
    void sampleCopiesTheFirstFilesOfEachClass(@TempDir Path tmp) throws Exception {
        Path split = tmp.resolve("train");
        for (String file : List.of("a/3.JPEG", "a/1.JPEG", "a/2.JPEG", "b/9.JPEG")) {
            Files.createDirectories(split.resolve(file).getParent());
            Files.writeString(split.resolve(file), file);
        }
        Path sample = Notebooks.sample(split, 2, tmp.resolve("sample"));
        try (Stream<Path> files = Files.walk(sample)) {
            assertEquals(List.of("a/1.JPEG", "a/2.JPEG", "b/9.JPEG"), files.filter(Files::isRegularFile)
                    .map(f -> sample.relativize(f).toString()).sorted().toList());
        }
        assertEquals("a/1.JPEG", Files.readString(sample.resolve("a/1.JPEG")));
    }

    @Test
    void saysWhenRowsAreLeftOut() {
        String html = Notebooks.html(spark.range(5).toDF("id"), 2);
        assertEquals("<table>\n<tr><th>id</th></tr>\n<tr><td>0</td></tr>\n<tr><td>1</td></tr>\n</table>\n"
                + "<p>Only the first 2 rows are shown.</p>\n", html);
        assertEquals("<table>\n<tr><th>id</th></tr>\n</table>\n", Notebooks.html(spark.range(0).toDF("id"), 2));
    }
}

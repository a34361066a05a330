package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.testing.LocalSparkSessions;
import io.mixnetspark.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixnet sql} against the test catalog: a table of top-k structs shown as an aligned table,
 * CSV and JSON lines, scripts from a file, a result written as Parquet, Spark's refusal as a usage
 * error, and the interactive shell going on after an error.
 */
class SqlCommandTest {

    @TempDir
    static Path tmp;

    private static SparkSession spark;

    @BeforeAll
    static void createTable() {
        spark = LocalSpark.getOrCreate("SqlCommandTest");
        spark.sql("CREATE DATABASE IF NOT EXISTS sqltest");
        spark.sql("DROP TABLE IF EXISTS sqltest.preds");
        spark.sql("CREATE TABLE sqltest.preds (key STRING, top_k ARRAY<STRUCT<rank: INT, label: STRING, probability:"
                + " DOUBLE>>, error STRING) USING parquet");
        spark.sql("INSERT INTO sqltest.preds VALUES ('a.jpg', array(named_struct('rank', 1, 'label', 'golf ball',"
                + " 'probability', 0.75D)), NULL), ('b,c.jpg', array(named_struct('rank', 1, 'label', 'tench',"
                + " 'probability', 0.5D)), NULL), ('d.jpg', NULL, 'not an image')");
    }

    @AfterAll
    static void stopSpark() {
        LocalSparkSessions.stopActive();
    }

    @Test
    void printsAnAlignedTableCsvAndJsonLines() {
        CliRun table = CliRun.of("sql", "--database", "sqltest",
                "SELECT key, top_k[0].label AS label, top_k[0].probability AS p FROM preds ORDER BY key");
        assertEquals(0, table.exitCode(), table.err());
        assertEquals(List.of("key     | label     |    p", "--------+-----------+-----", "a.jpg   | golf ball | 0.75",
                "b,c.jpg | tench     |  0.5", "d.jpg   | NULL      | NULL", "(3 rows)"), table.out().lines().toList());

        CliRun csv = CliRun.of("sql", "--database", "sqltest", "--format", "csv",
                "SELECT key, top_k FROM preds WHERE error IS NULL ORDER BY key");
        assertEquals(List.of("key,top_k", "a.jpg,\"[{1, golf ball, 0.75}]\"", "\"b,c.jpg\",\"[{1, tench, 0.5}]\""),
                csv.out().lines().toList());

        CliRun json = CliRun.of("sql", "--database", "sqltest", "--format", "json",
                "SELECT key, error FROM preds WHERE error IS NOT NULL");
        assertEquals(List.of("{\"key\":\"d.jpg\",\"error\":\"not an image\"}"), json.out().lines().toList());
    }

    @Test
    void runsAScriptAndWritesTheLastResult() throws Exception {
        Path script = tmp.resolve("report.sql");
        Files.writeString(script, "-- errors first\nSELECT count(*) AS errors FROM preds WHERE error IS NOT NULL;\n"
                + "SELECT key FROM preds WHERE key LIKE '%;%' OR error IS NULL;\n");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("sql", "--database", "sqltest", "-f", script.toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("errors\n------\n     1\n(1 row)\nWrote the result to " + out + " (parquet)"),
                run.out());
        assertEquals(2, spark.read().parquet(out.toString()).count());
    }

    @Test
    void labelsPhotosWithTheSqlFunctionsIntoATable() {
        String weights = SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors").toString();
        String photos = SharedData.require("datasets/imagenette2-224-subset/val/n03028079").toUri() + "*[0-3]1.JPEG";
        CliRun labeled = CliRun.of("sql", "--database", "sqltest", "--conf", "spark.mixnet.model=" + weights,
                "--format", "csv", "DROP TABLE IF EXISTS labels; CREATE TABLE labels AS SELECT path,"
                        + " mixnet_topk(content, 3) AS top_k, mixnet_label(path) AS label, mixnet_error(content) AS error"
                        + " FROM binaryFile.`" + photos + "`; SELECT count(*) AS n, count(error) AS errors,"
                        + " sum(IF(size(top_k) = 3 AND top_k[0].label = label, 1, 0)) AS agree FROM labels");
        assertEquals(0, labeled.exitCode(), labeled.err());
        long photoCount = spark.read().format("binaryFile").load(photos).count();
        assertTrue(photoCount >= 5, "photos: " + photoCount);
        assertTrue(labeled.out().endsWith("n,errors,agree\n" + photoCount + ",0," + photoCount + "\n"), labeled.out());

        CliRun unknown = CliRun.of("sql", "--conf", "spark.mixnet.modle=" + weights, "SELECT mixnet_label('x.jpg')");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("spark.mixnet.modle") && unknown.err().contains("spark.mixnet.model,"),
                unknown.err());
        CliRun staticKey = CliRun.of("sql", "--conf", "spark.sql.warehouse.dir=/tmp/elsewhere", "SELECT 1");
        assertEquals(2, staticKey.exitCode());
        assertTrue(staticKey.err().contains("--conf spark.sql.warehouse.dir"), staticKey.err());
    }

    @Test
    void spark_sRefusalIsAUsageErrorWithItsMessage() {
        CliRun run = CliRun.of("sql", "--database", "sqltest", "SELECT nope FROM preds");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("mixnet sql: ") && run.err().contains("nope"), run.err());
        assertEquals(2, CliRun.of("sql", "--format", "xml", "SELECT 1").exitCode());
    }

    @Test
    void theShellRunsMultiLineStatementsAndGoesOnAfterAnError() throws Exception {
        String input = "SHOW TABLES;\nSELECT 40\n  + 2 AS answer;\nSELEC oops;\nSELECT 'still here' AS s;\nquit\n";
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        spark.catalog().setCurrentDatabase("sqltest");
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).streams(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), shown).build()) {
            SqlShell shell = new SqlShell(terminal, tmp.resolve("history"));
            shell.loop(statement -> SqlCommand.runInShell(spark, statement, 1000, shell.out()));
        }
        String out = shown.toString(StandardCharsets.UTF_8).replace("\r", "");
        assertTrue(out.contains("sqltest   | preds"), "SHOW TABLES: " + out);
        assertTrue(out.contains("answer\n------\n    42"), "a statement over two lines: " + out);
        assertTrue(out.contains("Error: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"), "Spark's message: " + out);
        assertTrue(out.contains("still here\n(1 row)"), "the shell goes on after an error: " + out);
        assertTrue(Files.readString(tmp.resolve("history")).contains("SELECT 'still here'"), "history is kept");
    }
}

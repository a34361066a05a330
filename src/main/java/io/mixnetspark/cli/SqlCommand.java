package io.mixnetspark.cli;

import io.mixnetspark.spark.LocalSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet sql}: runs SQL against the catalog the other commands write to (the embedded Hive
 * metastore by default; {@code --database} is the current database), and prints each result as an
 * aligned table, CSV or JSON lines ({@link ResultPrinter}), or writes the last one to a path as
 * Parquet, CSV or JSON. Statements come from the arguments or {@code -f FILE}; with neither it opens
 * an interactive shell ({@link SqlShell}). A statement Spark refuses stops a script with Spark's
 * message and exit code 2; in the shell the message is printed and the shell goes on.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run SQL on the predictions and metrics tables (or open a SQL shell when no statement is given).",
        footer = {"Examples:",
            "  ./mixnet sql \"SELECT top_k[0].label, count(*) FROM predictions GROUP BY 1 ORDER BY 2 DESC\"",
            "  ./mixnet sql -f report.sql --format csv > report.csv",
            "  ./mixnet sql \"SELECT path, mixnet_label(content) FROM binaryFile.`photos/*.jpg`\"",
            "  ./mixnet sql --conf spark.mixnet.model=models/mine \"SELECT mixnet_topk(path, 3) FROM files\"",
            "  ./mixnet sql \"SELECT * FROM predictions WHERE error IS NOT NULL\" --output errors --format parquet",
            "  ./mixnet sql                      (interactive: line editing, history, multi-line statements)"})
public final class SqlCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SQL", description = "Statements, separated by ';'.")
    List<String> sql = new ArrayList<>();

    @Option(names = {"-f", "--file"}, description = "Read the statements from this file.")
    Path file;

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv or json (JSON lines); with --output also parquet. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--output",
            description = "Write the last statement's result here (a folder, any Hadoop URI) instead of printing it;"
                    + " --format parquet (default here), csv or json.")
    String output;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A session setting, repeatable; e.g. spark.mixnet.model=NAME|FILE|FOLDER, the model of"
                    + " mixnet_topk, mixnet_label and mixnet_error (default: the pretrained mixnet_s).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--max_rows", defaultValue = "1000",
            description = "Rows a table shows at most (csv and json print all). Default: ${DEFAULT-VALUE}.")
    int maxRows;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> statements = statements();
        String outputFormat = output == null ? null : outputFormat();
        // with --output, the statements before the last still print, as tables
        ResultPrinter.Format printed = output == null ? ResultPrinter.Format.parse(format) : ResultPrinter.Format.TABLE;
        if (maxRows < 1) {
            throw new IllegalArgumentException("--max_rows must be at least 1, got " + maxRows);
        }
        SparkSession spark = LocalSpark.getOrCreate("mixnet sql");
        conf.forEach((key, value) -> set(spark, key, value));
        if (spark.catalog().databaseExists(catalog.database)) {
            spark.catalog().setCurrentDatabase(catalog.database);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (statements.isEmpty()) {
            shell(spark, maxRows);
            return 0;
        }
        for (int i = 0; i < statements.size(); i++) {
            Dataset<Row> result = run(spark, statements.get(i));
            if (output != null && i == statements.size() - 1) {
                result.write().format(outputFormat).option("header", "true").save(output);
                out.println("Wrote the result to " + output + " (" + outputFormat + ")");
            } else {
                ResultPrinter.print(result, printed, maxRows, out);
            }
        }
        out.flush();
        return 0;
    }

    private List<String> statements() throws IOException {
        if (file != null && !sql.isEmpty()) {
            throw new IllegalArgumentException("give statements either as arguments or with -f, not both");
        }
        String text = file != null ? Files.readString(file, StandardCharsets.UTF_8) : String.join(" ", sql);
        List<String> statements = SqlStatements.split(text);
        if (file != null && statements.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no SQL statement");
        }
        if (statements.isEmpty() && output != null) {
            throw new IllegalArgumentException("--output needs a statement whose result it writes");
        }
        return statements;
    }

    private String outputFormat() {
        String f = spec.commandLine().getParseResult().hasMatchedOption("--format") ? format.toLowerCase(Locale.ROOT) : "parquet";
        if (!List.of("parquet", "csv", "json").contains(f)) {
            throw new IllegalArgumentException("--format with --output must be one of parquet, csv, json, got " + format);
        }
        return f;
    }

    private static void set(SparkSession spark, String key, String value) {
        try {
            spark.conf().set(key, value);
        } catch (Exception e) {
            // Spark refuses static settings at run time (a checked AnalysisException to Java)
            throw new IllegalArgumentException("--conf " + key + ": " + MixNetCli.reason(e), e);
        }
    }

    /** Runs a statement: Spark's refusal (parse or analysis error) is a bad input, exit code 2. */
    private static Dataset<Row> run(SparkSession spark, String statement) {
        try {
            return spark.sql(statement);
        } catch (Exception e) {
            // Scala's AnalysisException (parse errors included) is a checked exception to Java
            if (e instanceof org.apache.spark.sql.AnalysisException || !(e instanceof RuntimeException)) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    private void shell(SparkSession spark, int rows) throws IOException {
        Path history = Path.of(System.getProperty("user.home"), ".mixnet_sql_history");
        try (org.jline.terminal.Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            SqlShell shell = new SqlShell(terminal, history);
            shell.loop(statement -> runInShell(spark, statement, rows, shell.out()));
        }
    }

    /**
     * Runs one statement of the shell and prints its result as a table, or Spark's message.
     *
     * @param spark the session
     * @param statement the statement
     * @param maxRows the most rows a table shows
     * @param out where
     */
    static void runInShell(SparkSession spark, String statement, int maxRows, PrintWriter out) {
        try {
            ResultPrinter.print(spark.sql(statement), ResultPrinter.Format.TABLE, maxRows, out);
        } catch (Exception e) {
            out.println("Error: " + MixNetCli.reason(e));
            out.flush();
        }
    }
}

package io.mixnetspark.spark.jdbc;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.RowSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Database;
import org.apache.spark.sql.catalog.Table;

/**
 * What the catalog look-ups of JDBC's {@code DatabaseMetaData} share: the databases and tables of
 * Spark's catalog that match a JDBC name pattern ({@code %} any characters, {@code _} one, {@code \}
 * escapes; no pattern matches all), and the filling of Hive's result rows.
 */
final class CatalogRows {

    private CatalogRows() {}

    /**
     * Adds the rows a look-up computes to the operation's row set.
     *
     * @param target the operation's row set
     * @param rows computes the rows
     * @throws HiveSQLException when Spark's catalog fails
     */
    static void add(RowSet target, Supplier<List<Object[]>> rows) throws HiveSQLException {
        try {
            rows.get().forEach(target::addRow);
        } catch (RuntimeException e) {
            throw new HiveSQLException(e.getMessage(), e);
        }
    }

    /**
     * Lists the databases whose names match.
     *
     * @param spark the session
     * @param pattern a JDBC name pattern, or null
     * @return their names
     */
    static List<String> databases(SparkSession spark, String pattern) {
        Pattern match = regex(pattern);
        return spark.catalog().listDatabases().collectAsList().stream().map(Database::name)
                .filter(name -> match.matcher(name).matches()).sorted().toList();
    }

    /**
     * Lists the tables and views (not temporary views) whose names match, in the databases that match.
     *
     * @param spark the session
     * @param databasePattern a JDBC name pattern, or null
     * @param tablePattern a JDBC name pattern, or null
     * @return the tables
     */
    static List<Table> tables(SparkSession spark, String databasePattern, String tablePattern) {
        Pattern match = regex(tablePattern);
        return databases(spark, databasePattern).stream()
                .flatMap(database -> listTables(spark, database).stream())
                .filter(table -> !table.isTemporary() && match.matcher(table.name()).matches()).toList();
    }

    /**
     * Quotes a table's name for {@code spark.table}.
     *
     * @param table the table
     * @return {@code `database`.`name`}
     */
    static String quoted(Table table) {
        return quote(table.database()) + "." + quote(table.name());
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static List<Table> listTables(SparkSession spark, String database) {
        try {
            return spark.catalog().listTables(database).collectAsList();
        } catch (Exception e) {
            // a database dropped meanwhile (AnalysisException is checked to Java)
            return List.of();
        }
    }

    /**
     * Turns a JDBC name pattern into a regular expression, case-insensitive as Spark's names.
     *
     * @param pattern the pattern, or null (all)
     * @return the expression
     */
    static Pattern regex(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}

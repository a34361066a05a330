package io.mixnetspark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * {@code ResultPrinter} prints a query's result as {@code ./mixnet sql} shows it: an aligned table
 * (numbers right-aligned, arrays and structs as Spark's {@code show()} writes them), CSV with a
 * header, or JSON lines. Only the table is bounded (its widths need the rows); CSV and JSON stream
 * the rows from the executors one partition at a time.
 */
final class ResultPrinter {

    /** How a result is printed. */
    enum Format {
        /** An aligned table with a header and a row count. */
        TABLE,
        /** Comma-separated values with a header (RFC 4180 quoting). */
        CSV,
        /** One JSON object per row. */
        JSON;

        static Format parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format must be one of table, csv, json, got " + value, e);
            }
        }
    }

    private ResultPrinter() {}

    /**
     * Prints a result.
     *
     * @param result the query's result
     * @param format how
     * @param maxRows the most rows a table shows (the rest are counted, not shown)
     * @param out where
     */
    static void print(Dataset<Row> result, Format format, int maxRows, PrintWriter out) {
        if (format == Format.JSON) {
            result.toJSON().toLocalIterator().forEachRemaining(out::println);
        } else if (format == Format.CSV) {
            out.println(String.join(",", Arrays.stream(result.columns()).map(ResultPrinter::csv).toList()));
            Iterator<Row> rows = asText(result).toLocalIterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.length(); i++) {
                    cells.add(row.isNullAt(i) ? "" : csv(row.getString(i)));
                }
                out.println(String.join(",", cells));
            }
        } else {
            table(result, maxRows, out);
        }
        out.flush();
    }

    private static void table(Dataset<Row> result, int maxRows, PrintWriter out) {
        StructField[] fields = result.schema().fields();
        List<Row> rows = asText(result).limit(maxRows + 1).collectAsList();
        int[] widths = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            widths[i] = fields[i].name().length();
            for (Row row : rows) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        out.println(line(Arrays.stream(fields).map(StructField::name).toArray(String[]::new), widths, fields));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (Row row : rows.subList(0, Math.min(rows.size(), maxRows))) {
            String[] cells = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                cells[i] = cell(row, i);
            }
            out.println(line(cells, widths, fields));
        }
        out.println(rows.size() > maxRows ? "(more than " + maxRows + " rows; shown the first " + maxRows
                + ": add LIMIT, or --max_rows, or --format csv)" : "(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(String[] cells, int[] widths, StructField[] fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean right = fields[i].dataType() instanceof NumericType;
            String format = "%" + (right ? "" : "-") + widths[i] + "s";
            line.append(i == 0 ? "" : " | ").append(String.format(format, cells[i]));
        }
        return line.toString().stripTrailing();
    }

    private static String cell(Row row, int i) {
        return row.isNullAt(i) ? "NULL" : row.getString(i);
    }

    /** Every column as Spark's own text form of its values (as {@code show()} prints them). */
    private static Dataset<Row> asText(Dataset<Row> result) {
        Column[] columns = Arrays.stream(result.columns())
                .map(name -> functions.col("`" + name.replace("`", "``") + "`").cast("string").as(name))
                .toArray(Column[]::new);
        return result.select(columns);
    }

    private static String csv(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

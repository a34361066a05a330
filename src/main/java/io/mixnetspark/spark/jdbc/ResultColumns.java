package io.mixnetspark.spark.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hive.service.cli.TableSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A Spark result as HiveServer2 sends it: the columns' Hive types, and the values the Hive row sets
 * take. Arrays, maps and structs keep their type (a JDBC client sees {@code array}, {@code struct},
 * ...) and travel as JSON text, as in Spark's and Hive's servers, nulls included; decimals as Hive
 * decimals; types Hive's protocol lacks (intervals, timestamps without time zone, variants) as
 * strings.
 */
final class ResultColumns {

    private final Dataset<Row> rows;
    private final TableSchema schema;

    private ResultColumns(Dataset<Row> rows, TableSchema schema) {
        this.rows = rows;
        this.schema = schema;
    }

    /**
     * Describes a result and projects it to the values sent.
     *
     * @param result the statement's result
     * @return its columns
     */
    static ResultColumns of(Dataset<Row> result) {
        StructField[] fields = result.schema().fields();
        if (fields.length == 0) {
            // a command without output: Hive's protocol needs a column (Spark's server answers so too)
            return new ResultColumns(result.sparkSession().emptyDataFrame(),
                    new TableSchema(List.of(new FieldSchema("Result", "string", ""))));
        }
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            positional.add("c" + i);
        }
        // positional names: a result may hold two columns of one name (a join's key.x and other.x)
        Dataset<Row> renamed = result.toDF(positional.toArray(String[]::new));
        Column[] columns = new Column[fields.length];
        List<FieldSchema> described = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            DataType type = fields[i].dataType();
            Column column = functions.col(positional.get(i));
            // a collated string's catalog name ("string collate ...") is no Hive type
            String hiveType = type instanceof StringType ? "string" : type.catalogString();
            if (type instanceof ArrayType || type instanceof MapType || type instanceof StructType) {
                column = functions.to_json(column, Map.of("ignoreNullFields", "false"));
            } else if (!isHivePrimitive(type)) {
                column = column.cast("string");
                hiveType = "string";
            }
            columns[i] = column.as(fields[i].name());
            described.add(new FieldSchema(fields[i].name(), hiveType, fields[i].getComment().getOrElse(() -> "")));
        }
        return new ResultColumns(renamed.select(columns), new TableSchema(described));
    }

    /** @return the rows, projected to the values sent */
    Dataset<Row> rows() {
        return rows;
    }

    /** @return the columns' names and Hive types */
    TableSchema schema() {
        return schema;
    }

    /**
     * Returns a projected row's values as a Hive row set takes them.
     *
     * @param row a row of {@link #rows()}
     * @return its values
     */
    static Object[] values(Row row) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            Object value = row.get(i);
            values[i] = value instanceof BigDecimal decimal ? HiveDecimal.create(decimal) : value;
        }
        return values;
    }

    private static boolean isHivePrimitive(DataType type) {
        return type instanceof BooleanType || type instanceof ByteType || type instanceof ShortType
                || type instanceof IntegerType || type instanceof LongType || type instanceof FloatType
                || type instanceof DoubleType || type instanceof StringType || type instanceof BinaryType
                || type instanceof DateType || type instanceof TimestampType || type instanceof DecimalType;
    }
}

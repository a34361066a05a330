package io.mixnetspark.spark.jdbc;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hive.service.cli.ColumnDescriptor;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationState;
import org.apache.hive.service.cli.RowSet;
import org.apache.hive.service.cli.TableSchema;
import org.apache.hive.service.cli.operation.GetColumnsOperation;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.types.StructField;

/**
 * {@code DatabaseMetaData.getColumns}: the columns of Spark's tables and views, with the Hive types
 * a query of them reports, in Hive's result columns. A view Spark cannot read is left out.
 */
final class SparkColumnsOperation extends GetColumnsOperation {

    private final String schemaPattern;
    private final String tablePattern;
    private final Pattern columnPattern;
    private final SparkSession spark;

    SparkColumnsOperation(HiveSession parent, String schemaPattern, String tablePattern, String columnPattern,
            SparkSession spark) {
        super(parent, null, schemaPattern, tablePattern, columnPattern);
        this.schemaPattern = schemaPattern;
        this.tablePattern = tablePattern;
        this.columnPattern = CatalogRows.regex(columnPattern);
        this.spark = spark;
    }

    @Override
    public void runInternal() throws HiveSQLException {
        setState(OperationState.RUNNING);
        CatalogRows.add(HiveFields.get(GetColumnsOperation.class, this, "rowSet", RowSet.class), () ->
                CatalogRows.tables(spark, schemaPattern, tablePattern).stream()
                        .flatMap(table -> columns(table).stream()).toList());
        setState(OperationState.FINISHED);
    }

    private List<Object[]> columns(Table table) {
        Dataset<Row> rows;
        try {
            rows = spark.table(CatalogRows.quoted(table));
        } catch (RuntimeException e) {
            return List.of();
        }
        StructField[] fields = rows.schema().fields();
        TableSchema described = ResultColumns.of(rows).schema();
        List<Object[]> result = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (columnPattern.matcher(fields[i].name()).matches()) {
                result.add(row(table, fields[i], described.getColumnDescriptorAt(i)));
            }
        }
        return result;
    }

    private static Object[] row(Table table, StructField field, ColumnDescriptor column) {
        boolean nullable = field.nullable();
        return new Object[] {null, table.database(), table.name(), field.name(), column.getType().toJavaSQLType(),
            column.getTypeName(), column.getTypeDescriptor().getColumnSize(), null,
            column.getTypeDescriptor().getDecimalDigits(), column.getType().getNumPrecRadix(),
            nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, column.getComment(), null,
            null, null, null, column.getOrdinalPosition(), nullable ? "YES" : "NO", null, null, null, null, "NO"};
    }
}

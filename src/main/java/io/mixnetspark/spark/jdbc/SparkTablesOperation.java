package io.mixnetspark.spark.jdbc;

import java.util.List;
import java.util.Locale;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationState;
import org.apache.hive.service.cli.RowSet;
import org.apache.hive.service.cli.operation.GetTablesOperation;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;

/**
 * {@code DatabaseMetaData.getTables}: the tables and views of Spark's catalog, in Hive's result
 * columns, typed {@code TABLE} or {@code VIEW} as HiveServer2's default ("classic") mapping does.
 */
final class SparkTablesOperation extends GetTablesOperation {

    private final String schemaPattern;
    private final String tablePattern;
    private final List<String> tableTypes;
    private final SparkSession spark;

    SparkTablesOperation(HiveSession parent, String schemaPattern, String tablePattern, List<String> tableTypes,
            SparkSession spark) {
        super(parent, null, schemaPattern, tablePattern, tableTypes);
        this.schemaPattern = schemaPattern;
        this.tablePattern = tablePattern;
        this.tableTypes = tableTypes == null ? null : tableTypes.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
        this.spark = spark;
    }

    @Override
    public void runInternal() throws HiveSQLException {
        setState(OperationState.RUNNING);
        CatalogRows.add(HiveFields.get(GetTablesOperation.class, this, "rowSet", RowSet.class), () ->
                CatalogRows.tables(spark, schemaPattern, tablePattern).stream()
                        .filter(table -> tableTypes == null || tableTypes.contains(type(table)))
                        .map(SparkTablesOperation::row).toList());
        setState(OperationState.FINISHED);
    }

    private static String type(Table table) {
        return "VIEW".equalsIgnoreCase(table.tableType()) ? "VIEW" : "TABLE";
    }

    private static Object[] row(Table table) {
        String remarks = table.description() == null ? "" : table.description();
        return new Object[] {"", table.database(), table.name(), type(table), remarks, null, null, null, null, null};
    }
}

package io.mixnetspark.spark.jdbc;

import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationState;
import org.apache.hive.service.cli.RowSet;
import org.apache.hive.service.cli.operation.GetSchemasOperation;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.spark.sql.SparkSession;

/** {@code DatabaseMetaData.getSchemas}: the databases of Spark's catalog, in Hive's result columns. */
final class SparkSchemasOperation extends GetSchemasOperation {

    private final String schemaPattern;
    private final SparkSession spark;

    SparkSchemasOperation(HiveSession parent, String schemaPattern, SparkSession spark) {
        super(parent, null, schemaPattern);
        this.schemaPattern = schemaPattern;
        this.spark = spark;
    }

    @Override
    public void runInternal() throws HiveSQLException {
        setState(OperationState.RUNNING);
        CatalogRows.add(HiveFields.get(GetSchemasOperation.class, this, "rowSet", RowSet.class), () ->
                CatalogRows.databases(spark, schemaPattern).stream().map(name -> new Object[] {name, ""}).toList());
        setState(OperationState.FINISHED);
    }
}

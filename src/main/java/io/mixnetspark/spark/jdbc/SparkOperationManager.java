package io.mixnetspark.spark.jdbc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationHandle;
import org.apache.hive.service.cli.SessionHandle;
import org.apache.hive.service.cli.operation.ExecuteStatementOperation;
import org.apache.hive.service.cli.operation.GetColumnsOperation;
import org.apache.hive.service.cli.operation.GetSchemasOperation;
import org.apache.hive.service.cli.operation.MetadataOperation;
import org.apache.hive.service.cli.operation.Operation;
import org.apache.hive.service.cli.operation.OperationManager;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.spark.sql.SparkSession;

/**
 * Hive's operation manager creating Spark's operations: statements, and the catalog look-ups of
 * JDBC's {@code DatabaseMetaData} (schemas, tables, columns) answered from Spark's catalog. Each
 * operation runs on the Spark session of its JDBC session.
 */
final class SparkOperationManager extends OperationManager {

    private final Map<SessionHandle, SparkSession> sessions = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private final Map<OperationHandle, Operation> handleToOperation =
            HiveFields.get(OperationManager.class, this, "handleToOperation", Map.class);

    void attach(SessionHandle handle, SparkSession spark) {
        sessions.put(handle, spark);
    }

    void detach(SessionHandle handle) {
        sessions.remove(handle);
    }

    @Override
    public ExecuteStatementOperation newExecuteStatementOperation(HiveSession parent, String statement,
            Map<String, String> confOverlay, boolean runAsync, long queryTimeout) throws HiveSQLException {
        return add(new SparkStatementOperation(parent, statement, confOverlay, runAsync, spark(parent)));
    }

    @Override
    public GetSchemasOperation newGetSchemasOperation(HiveSession parent, String catalog, String schema) {
        return add(new SparkSchemasOperation(parent, schema, spark(parent)));
    }

    @Override
    public MetadataOperation newGetTablesOperation(HiveSession parent, String catalog, String schema, String table,
            List<String> tableTypes) {
        return add(new SparkTablesOperation(parent, schema, table, tableTypes, spark(parent)));
    }

    @Override
    public GetColumnsOperation newGetColumnsOperation(HiveSession parent, String catalog, String schema,
            String table, String column) {
        return add(new SparkColumnsOperation(parent, schema, table, column, spark(parent)));
    }

    private <T extends Operation> T add(T operation) {
        handleToOperation.put(operation.getHandle(), operation);
        return operation;
    }

    private SparkSession spark(HiveSession parent) {
        SparkSession spark = sessions.get(parent.getSessionHandle());
        if (spark == null) {
            throw new IllegalStateException("session " + parent.getSessionHandle() + " has no Spark session");
        }
        return spark;
    }
}

package io.mixnetspark.spark.jdbc;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hive.service.cli.FetchOrientation;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.OperationState;
import org.apache.hive.service.cli.RowSet;
import org.apache.hive.service.cli.RowSetFactory;
import org.apache.hive.service.cli.TableSchema;
import org.apache.hive.service.cli.operation.ExecuteStatementOperation;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A statement a JDBC client sends, run by Spark: in the background when the client asks so (the Hive
 * JDBC driver does, then polls its status), else at once. The whole result is collected when the
 * statement finishes, so its status says when the rows are ready and a failure is the statement's;
 * fetches then page through it. A failure reaches the client as an {@code SQLException} with
 * Spark's message and SQL state; cancelling it cancels its Spark jobs.
 */
final class SparkStatementOperation extends ExecuteStatementOperation {

    private final SparkSession spark;
    private final boolean runAsync;
    private final String jobGroup = "mixnet-sql-server-" + UUID.randomUUID();
    private volatile TableSchema schema;
    private volatile List<Row> result;
    private int cursor;

    SparkStatementOperation(HiveSession parent, String statement, Map<String, String> confOverlay, boolean runAsync,
            SparkSession spark) {
        super(parent, statement, confOverlay, runAsync);
        this.spark = spark;
        this.runAsync = runAsync;
        // every statement answers with a result set, an empty one for a command (as Spark's server)
        setHasResultSet(true);
    }

    /** @return whether the client asked for the statement to run in the background (Hive's default: never) */
    @Override
    public boolean shouldRunAsync() {
        return runAsync;
    }

    @Override
    protected void runInternal() throws HiveSQLException {
        setState(OperationState.PENDING);
        if (!shouldRunAsync()) {
            execute();
            return;
        }
        setBackgroundHandle(getParentSession().getSessionManager().submitBackgroundOperation(() -> {
            try {
                execute();
            } catch (HiveSQLException e) {
                setOperationException(e);
            }
        }));
    }

    private void execute() throws HiveSQLException {
        setState(OperationState.RUNNING);
        try {
            spark.sparkContext().setJobGroup(jobGroup, statement, true);
            ResultColumns columns = ResultColumns.of(spark.sql(statement));
            schema = columns.schema();
            result = columns.rows().collectAsList();
            setState(OperationState.FINISHED);
        } catch (Exception e) {
            if (getState().isTerminal()) {
                return; // cancelled or closed meanwhile: the failure is the cancellation's
            }
            setState(OperationState.ERROR);
            throw new HiveSQLException(e.getMessage(), sqlState(e), e);
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    private static String sqlState(Exception e) {
        String state = e instanceof SparkThrowable t ? t.getSqlState() : null;
        return state != null ? state : "42000";
    }

    @Override
    public TableSchema getResultSetSchema() throws HiveSQLException {
        assertState(List.of(OperationState.FINISHED));
        return schema;
    }

    @Override
    public synchronized RowSet getNextRowSet(FetchOrientation orientation, long maxRows) throws HiveSQLException {
        validateDefaultFetchOrientation(orientation);
        assertState(List.of(OperationState.FINISHED));
        if (orientation == FetchOrientation.FETCH_FIRST) {
            cursor = 0;
        }
        RowSet rows = RowSetFactory.create(schema, getProtocolVersion(), false);
        int end = (int) Math.min(result.size(), cursor + Math.max(0, maxRows));
        for (; cursor < end; cursor++) {
            rows.addRow(ResultColumns.values(result.get(cursor)));
        }
        return rows;
    }

    @Override
    public void cancel(OperationState state) throws HiveSQLException {
        boolean running = !getState().isTerminal();
        setState(state);
        if (running) {
            spark.sparkContext().cancelJobGroup(jobGroup);
        }
    }

    @Override
    public void close() throws HiveSQLException {
        cancel(OperationState.CLOSED);
        result = null;
    }
}

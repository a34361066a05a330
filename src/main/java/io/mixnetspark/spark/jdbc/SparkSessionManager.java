package io.mixnetspark.spark.jdbc;

import java.util.Map;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.SessionHandle;
import org.apache.hive.service.cli.session.SessionManager;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;
import org.apache.spark.sql.SparkSession;

/**
 * Hive's session manager with Spark's operations: each JDBC session gets a Spark session of its own
 * ({@link SparkSession#newSession()}: its own current database and settings, the shared catalog and
 * cached tables) with the server's Spark settings, then the {@code ?hiveconf} settings of the
 * client's URL, in the database the client names ({@code jdbc:hive2://host:port/DATABASE}).
 */
final class SparkSessionManager extends SessionManager {

    private static final String USE_DATABASE = "use:database";
    private static final String SET_CONF = "set:hiveconf:";

    private final SparkSession root;
    private final Map<String, String> settings;
    private final SparkOperationManager operations = new SparkOperationManager();

    SparkSessionManager(SparkSession root, Map<String, String> settings) {
        super(null);
        this.root = root;
        this.settings = Map.copyOf(settings);
        HiveFields.set(SessionManager.class, this, "operationManager", operations);
    }

    @Override
    public SessionHandle openSession(TProtocolVersion protocol, String user, String password, String ipAddress,
            Map<String, String> conf, boolean withImpersonation, String delegationToken) throws HiveSQLException {
        SessionHandle handle = super.openSession(protocol, user, password, ipAddress, conf, withImpersonation,
                delegationToken);
        try {
            operations.attach(handle, sparkSession(conf));
        } catch (Exception e) {
            // an unknown database or a refused setting (Spark's AnalysisException is checked to Java)
            super.closeSession(handle);
            throw new HiveSQLException(e.getMessage(), "08004", e);
        }
        return handle;
    }

    @Override
    public synchronized void closeSession(SessionHandle handle) throws HiveSQLException {
        try {
            super.closeSession(handle);
        } finally {
            operations.detach(handle);
        }
    }

    private SparkSession sparkSession(Map<String, String> conf) {
        SparkSession session = configured(root.newSession(), settings);
        if (conf == null) {
            return session;
        }
        conf.forEach((key, value) -> {
            if (key.startsWith(SET_CONF)) {
                session.conf().set(key.substring(SET_CONF.length()), value);
            }
        });
        String database = conf.get(USE_DATABASE);
        if (database != null && !database.isEmpty()) {
            session.catalog().setCurrentDatabase(database);
        }
        return session;
    }

    /**
     * Applies Spark settings to a session.
     *
     * @param session the session
     * @param settings the settings
     * @return the session
     * @throws IllegalArgumentException naming a setting Spark refuses (a static one)
     */
    static SparkSession configured(SparkSession session, Map<String, String> settings) {
        settings.forEach((key, value) -> {
            try {
                session.conf().set(key, value);
            } catch (Exception e) {
                throw new IllegalArgumentException("Spark refuses the setting " + key + ": " + e.getMessage(), e);
            }
        });
        return session;
    }
}

package io.mixnetspark.spark.jdbc;

import java.util.Map;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hive.service.cli.SessionHandle;
import org.apache.hive.service.cli.session.HiveSessionImpl;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;

/**
 * A HiveServer2 session whose statements Spark runs: Hive's session bookkeeping (handles, operation
 * locks, closing its operations) without Hive's execution state. Opening it neither starts a Hive
 * {@code SessionState} (scratch folders, a Hive metastore client) nor reaches a metastore, and
 * closing it does not either: the catalog is Spark's. Hive's session manager creates it by name
 * ({@code hive.session.impl.classname}), hence public.
 */
public final class SparkHiveSession extends HiveSessionImpl {

    /**
     * Creates the session, as Hive's session manager does.
     *
     * @param handle the session's handle
     * @param protocol the protocol version agreed with the client
     * @param user the user name
     * @param password the password (not used: authentication happens in the transport)
     * @param serverConf the server's configuration
     * @param ipAddress the client's address
     */
    public SparkHiveSession(SessionHandle handle, TProtocolVersion protocol, String user, String password,
            HiveConf serverConf, String ipAddress) {
        super(handle, protocol, user, password, serverConf, ipAddress);
    }

    @Override
    public void open(Map<String, String> sessionConf) {
        // the database and settings of sessionConf go to the Spark session (SparkSessionManager)
        HiveFields.set(HiveSessionImpl.class, this, "sessionState", new DetachedSessionState(getHiveConf(), getUserName()));
    }

    /**
     * The Hive session state that Hive's session methods attach to their threads: never started,
     * and closed without Hive's clean-up, which opens a Hive metastore client.
     */
    private static final class DetachedSessionState extends org.apache.hadoop.hive.ql.session.SessionState {

        DetachedSessionState(HiveConf conf, String user) {
            super(conf, user);
        }

        @Override
        public void close() {
            detachSession();
        }
    }
}

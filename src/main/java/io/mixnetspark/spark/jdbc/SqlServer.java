package io.mixnetspark.spark.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.conf.HiveConf.ConfVars;
import org.apache.spark.sql.SparkSession;

/**
 * A JDBC/ODBC server on a Spark session: HiveServer2's binary Thrift protocol (a {@code
 * jdbc:hive2://} URL for the Hive JDBC driver, beeline, DBeaver, Superset), each client session a
 * {@link SparkSession#newSession() new session} of the given one, so on the same catalog. Without
 * authentication ({@code hive.server2.authentication} NONE, Hive's default) it serves only a loopback
 * address unless told to serve anyone ({@code insecure}); with LDAP, Kerberos, PAM or a custom
 * provider ({@code hive.server2.authentication*} settings, Hive's and Spark's Thrift server's own)
 * it serves any address. Closing it stops it.
 */
public final class SqlServer implements AutoCloseable {

    private static final String HIVE_PREFIX = "hive.";
    private static final Set<String> NO_AUTHENTICATION = Set.of("NONE", "NOSASL");
    private static final long START_TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;
    private final SparkCliService cli;
    private final ThriftService thrift;

    private SqlServer(String host, int port, SparkCliService cli, ThriftService thrift) {
        this.host = host;
        this.port = port;
        this.cli = cli;
        this.thrift = thrift;
    }

    /**
     * Starts a server and returns once it accepts connections.
     *
     * @param spark the session whose catalog it serves
     * @param host the address to bind, a loopback one unless authenticated or {@code insecure}
     * @param port the port, 0 for a free one
     * @param settings settings: {@code hive.*} ones the server's (e.g. {@code hive.server2.authentication}),
     *     over those of Spark's Hadoop configuration ({@code spark.hadoop.hive.server2.*}, {@code
     *     hive-site.xml}); the others Spark settings of every client's session (e.g. {@code spark.mixnet.model})
     * @param insecure whether to serve a non-loopback address without authentication
     * @return the running server
     * @throws IllegalArgumentException when the address is refused, the port is taken or Spark refuses a setting
     */
    public static SqlServer start(SparkSession spark, String host, int port, Map<String, String> settings,
            boolean insecure) {
        HiveConf conf = new HiveConf(spark.sparkContext().hadoopConfiguration(), SqlServer.class);
        Map<String, String> sessionSettings = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(HIVE_PREFIX)) {
                conf.set(key, value);
            } else {
                sessionSettings.put(key, value);
            }
        });
        // a refused setting fails here, not in every client's session
        SparkSessionManager.configured(spark.newSession(), sessionSettings);
        checkAccess(host, conf.getVar(ConfVars.HIVE_SERVER2_AUTHENTICATION), insecure);
        int bound = freePort(host, port);
        conf.setVar(ConfVars.HIVE_SERVER2_TRANSPORT_MODE, "binary");
        conf.setVar(ConfVars.HIVE_SERVER2_THRIFT_BIND_HOST, host);
        conf.setIntVar(ConfVars.HIVE_SERVER2_THRIFT_PORT, bound);
        // statements run as the server's user, in Spark; no Hive operation logs (Spark logs its own)
        conf.setBoolVar(ConfVars.HIVE_SERVER2_ENABLE_DOAS, false);
        conf.setBoolVar(ConfVars.HIVE_SERVER2_LOGGING_OPERATION_ENABLED, false);
        conf.setVar(ConfVars.HIVE_SESSION_IMPL_CLASSNAME, SparkHiveSession.class.getName());

        SparkCliService cli = new SparkCliService(new SparkSessionManager(spark, sessionSettings));
        ThriftService[] thrift = new ThriftService[1];
        thrift[0] = new ThriftService(cli, () -> thrift[0].stop());
        cli.init(conf);
        thrift[0].init(conf);
        cli.start();
        thrift[0].start();
        SqlServer server = new SqlServer(host, bound, cli, thrift[0]);
        server.awaitServing();
        return server;
    }

    /**
     * Refuses to serve a non-loopback address to anyone who reaches it.
     *
     * @param host the address to bind
     * @param authentication {@code hive.server2.authentication}
     * @param insecure whether serving it without authentication was asked for
     * @throws IllegalArgumentException when refused, saying how to authenticate
     */
    static void checkAccess(String host, String authentication, boolean insecure) {
        if (!resolve(host).isLoopbackAddress() && !insecure && NO_AUTHENTICATION.contains(authentication.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("refusing to serve the catalog on " + host + " without authentication:"
                    + " anyone reaching it could read and change every table. Turn on LDAP"
                    + " (--conf hive.server2.authentication=LDAP --conf hive.server2.authentication.ldap.url=ldap://...)"
                    + " or Kerberos (--conf hive.server2.authentication=KERBEROS with"
                    + " hive.server2.authentication.kerberos.principal and .keytab), or pass --insecure");
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    private static int freePort(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): another server may hold the port; pick another with --port", e);
        }
    }

    private void awaitServing() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!thrift.serving()) {
            if (System.currentTimeMillis() > deadline) {
                close();
                throw new IllegalStateException("the SQL server did not start listening on " + host + ":" + port);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while starting the SQL server", e);
            }
        }
        InetAddress bound = thrift.boundAddress();
        if (!bound.equals(resolve(host))) {
            close();
            throw new IllegalStateException("the SQL server bound " + bound + " instead of " + host);
        }
    }

    /** @return the address it listens on */
    InetAddress boundAddress() {
        return thrift.boundAddress();
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /**
     * Returns the JDBC URL of a database on this server.
     *
     * @param database the database clients start in
     * @return {@code jdbc:hive2://HOST:PORT/DATABASE}
     */
    public String url(String database) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:hive2://" + shown + ":" + port + "/" + database;
    }

    /** Stops accepting connections and closes the sessions. */
    @Override
    public void close() {
        thrift.stop();
        cli.stop();
    }
}

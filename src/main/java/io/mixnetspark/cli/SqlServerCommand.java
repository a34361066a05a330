package io.mixnetspark.cli;

import io.mixnetspark.spark.LocalSpark;
import io.mixnetspark.spark.jdbc.SqlServer;
import io.mixnetspark.spark.tables.MetricsTables;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet sql-server}: serves the catalog the other commands write to (the embedded Hive
 * metastore by default) to JDBC/ODBC clients over HiveServer2's protocol ({@link SqlServer}), prints
 * how to connect, and runs until Ctrl-C. Bound to the loopback address by default; a non-loopback
 * {@code --host} needs HiveServer2 authentication ({@code --conf hive.server2.authentication=LDAP}
 * or {@code KERBEROS} with their settings) or {@code --insecure}.
 */
@Command(name = "sql-server", mixinStandardHelpOptions = true,
        description = "Serve the tables to JDBC/ODBC clients (beeline, DBeaver, Superset) until Ctrl-C.",
        footer = {"Examples:",
            "  ./mixnet sql-server                 (then: beeline -u jdbc:hive2://127.0.0.1:10000/mixnet)",
            "  ./mixnet sql-server --port 10001 --conf spark.mixnet.model=models/mine",
            "  ./mixnet sql-server --host 0.0.0.0 --conf hive.server2.authentication=LDAP \\",
            "      --conf hive.server2.authentication.ldap.url=ldap://ldap.example.com \\",
            "      --conf hive.server2.authentication.ldap.baseDN=ou=people,dc=example,dc=com"})
public final class SqlServerCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}; any other needs authentication or --insecure.")
    String host;

    @Option(names = "--port", defaultValue = "10000", description = "Port to listen on. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--database", defaultValue = MetricsTables.DEFAULT_DATABASE,
            description = "Database of the printed URL (a client names its own). Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A setting, repeatable: hive.server2.* for the server (e.g. authentication), anything else"
                    + " for the Spark session, e.g. spark.mixnet.model=NAME|FILE|FOLDER for mixnet_topk.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--insecure",
            description = "Serve a non-loopback --host without authentication: anyone who reaches it reads and"
                    + " changes every table.")
    boolean insecure;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        SparkSession spark = LocalSpark.getOrCreate("mixnet sql-server");
        SqlServer running = SqlServer.start(spark, host, port, conf, insecure);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "mixnet-sql-server-stop"));
        String url = running.url(spark.catalog().databaseExists(database) ? database : "default");
        PrintWriter out = spec.commandLine().getOut();
        out.println("Serving the catalog on " + url + " (HiveServer2 protocol; Ctrl-C stops it)");
        out.println("  beeline -u '" + url + "'");
        out.println("  JDBC driver org.apache.hive.jdbc.HiveDriver (hive-jdbc), any user name, no password"
                + (conf.containsKey("hive.server2.authentication") ? " unless the server authenticates" : ""));
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}

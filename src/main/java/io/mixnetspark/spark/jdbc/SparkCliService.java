package io.mixnetspark.spark.jdbc;

import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hive.service.AbstractService;
import org.apache.hive.service.Service;
import org.apache.hive.service.cli.CLIService;

/**
 * Hive's {@code CLIService} (what the Thrift service calls for every request) with Spark's session
 * manager in place of Hive's. Its initialization skips {@code CLIService}'s own, which starts a Hive
 * session and authorization against a Hive metastore and loads Hive's function registry, and does
 * what {@code CompositeService}'s does (initialize the child services, mark itself initialized), as
 * Spark's {@code SparkSQLCLIService} does.
 */
final class SparkCliService extends CLIService {

    private final SparkSessionManager sessions;

    SparkCliService(SparkSessionManager sessions) {
        super(null);
        this.sessions = sessions;
    }

    @Override
    public synchronized void init(HiveConf conf) {
        HiveFields.set(CLIService.class, this, "sessionManager", sessions);
        addService(sessions);
        for (Service service : getServices()) {
            service.init(conf);
        }
        hiveConf = conf;
        HiveFields.set(AbstractService.class, this, "state", Service.STATE.INITED);
    }
}

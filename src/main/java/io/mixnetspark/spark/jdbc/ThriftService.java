package io.mixnetspark.spark.jdbc;

import org.apache.hive.service.cli.CLIService;
import org.apache.hive.service.cli.thrift.ThriftBinaryCLIService;

/** Hive's binary Thrift transport, which says when it is serving. */
final class ThriftService extends ThriftBinaryCLIService {

    ThriftService(CLIService cli, Runnable outOfMemory) {
        super(cli, outOfMemory);
    }

    /** @return whether the server accepts connections */
    boolean serving() {
        return server != null && server.isServing();
    }
}

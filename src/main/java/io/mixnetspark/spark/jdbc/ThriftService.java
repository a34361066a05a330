package io.mixnetspark.spark.jdbc;

import java.net.InetAddress;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.conf.HiveConf.ConfVars;
import org.apache.hive.service.cli.CLIService;
import org.apache.hive.service.cli.thrift.ThriftBinaryCLIService;
import org.apache.thrift.server.TServer;
import org.apache.thrift.transport.TServerSocket;

/**
 * Hive's binary Thrift transport, bound to the configured address (Hive 2.3's reads the address but
 * binds every interface) and saying when it is serving and where.
 */
final class ThriftService extends ThriftBinaryCLIService {

    ThriftService(CLIService cli, Runnable outOfMemory) {
        super(cli, outOfMemory);
    }

    @Override
    public synchronized void init(HiveConf conf) {
        super.init(conf);
        hiveHost = conf.getVar(ConfVars.HIVE_SERVER2_THRIFT_BIND_HOST);
    }

    /** @return whether the server accepts connections */
    boolean serving() {
        return server != null && server.isServing();
    }

    /** @return the address its socket is bound to, once {@link #serving()} */
    InetAddress boundAddress() {
        return HiveFields.get(TServer.class, server, "serverTransport_", TServerSocket.class).getServerSocket()
                .getInetAddress();
    }
}

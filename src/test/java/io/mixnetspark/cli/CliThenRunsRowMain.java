package io.mixnetspark.cli;

import io.mixnetspark.model.blocks.FastPaths;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one {@code mixnet} command in a JVM of its own, then prints its exit code ({@code exit|N}),
 * the fast paths the JVM took ({@code paths|...}) and, where the command recorded a run, the
 * {@code numerics} column of its row in {@code mixnet.runs} ({@code numerics|...}). For tests of
 * what happens once per JVM.
 */
public final class CliThenRunsRowMain {

    private CliThenRunsRowMain() {}

    /**
     * Runs the command.
     *
     * @param args the run id the command records, then the command's arguments
     */
    public static void main(String[] args) {
        String runId = args[0];
        String[] command = java.util.Arrays.copyOfRange(args, 1, args.length);
        int code = MixNetCli.commandLine().execute(command);
        System.out.println("exit|" + code);
        System.out.println("paths|" + FastPaths.describe(FastPaths.current()));
        SparkSession.getActiveSession().foreach(spark -> {
            for (Row row : spark.sql("SELECT numerics FROM mixnet.runs WHERE run_id = '" + runId + "'").collectAsList()) {
                System.out.println("numerics|" + row.getString(0));
            }
            spark.stop();
            return null;
        });
        System.exit(0);
    }
}

package io.mixnetspark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one {@code mixnet predict} in a JVM of its own, then prints its exit code ({@code exit|N}),
 * each row of its run in the predictions table ({@code row|KEY|ERROR}, the error empty for a
 * labeled image) and the process's peak resident memory ({@code vmhwm_kb|N}, from {@code
 * /proc/self/status}). For tests of what a whole run costs.
 */
public final class CliPeakMemoryMain {

    private CliPeakMemoryMain() {}

    /**
     * Runs the command.
     *
     * @param args the run id the command records, then the command's arguments
     * @throws IOException when {@code /proc/self/status} cannot be read
     */
    public static void main(String[] args) throws IOException {
        String runId = args[0];
        int code = MixNetCli.commandLine().execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        System.out.println("exit|" + code);
        SparkSession.getActiveSession().foreach(spark -> {
            for (Row row : spark.sql("SELECT key, error FROM mixnet.predictions WHERE run_id = '" + runId + "'")
                    .collectAsList()) {
                System.out.println("row|" + row.getString(0) + "|" + (row.isNullAt(1) ? "" : row.getString(1).replace('\n', ' ')));
            }
            spark.stop();
            return null;
        });
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println("vmhwm_kb|" + line.replaceAll("[^0-9]", ""));
            }
        }
        System.exit(0);
    }
}

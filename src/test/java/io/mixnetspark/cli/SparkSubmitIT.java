package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.LocalClusterSessions;
import io.mixnetspark.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application jar (everything but Spark) runs under {@code spark-submit} against a
 * standalone cluster on loopback: Spark's {@code SparkSubmit} in a fresh JVM whose class path is
 * only what a Spark installation provides, master {@code local-cluster[2,1,1536]} (a standalone
 * master and two workers, each executor its own JVM, also with Spark's jars only). The executors
 * get mixnet-spark, DJL and the PyTorch natives from the shipped jar alone, and {@code predict}
 * labels real photos into a Hive table; the SQL functions label from configuration alone.
 */
class SparkSubmitIT {

    /** Jars of mixnet-spark's own dependencies, which only the application jar may bring. */
    private static final List<String> OURS = List.of("/ai/djl/", "/org/openpnp/", "/com/twelvemonkeys/",
            "/info/picocli/", "/org/yaml/snakeyaml/", "/net/java/dev/jna/", "/org/apache/hadoop/hadoop-aws/",
            "/software/amazon/", "/org/junit/", "/org/opentest4j/", "/org/apiguardian/");

    @TempDir
    Path tmp;

    /**
     * What a Spark installation's {@code jars/} holds: this JVM's class path without the project's
     * own classes and without the libraries only mixnet-spark uses.
     */
    private static String sparkInstallationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("/target/"))
                .filter(entry -> OURS.stream().noneMatch(entry::contains))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    @Test
    void theApplicationJarLabelsPhotosUnderSparkSubmitOnAStandaloneCluster() throws Exception {
        Path photos = photos();
        Submitted run = submit("predict", List.of(), List.of("predict", "--data_dir", photos.toString(),
                "--ckpt_path", SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors").toString(),
                "--batch_size", "4", "--run_id", "submitted"));
        assertTrue(run.output.contains("Labeled 8 images (0 errors)"), run.tail());
        run.assertExecutorsLabeled();
    }

    /**
     * The SQL functions in a session configured only through {@code spark.sql.extensions} and
     * {@code spark.mixnet.*} on the {@code spark-submit} line (under {@code spark-submit} the
     * application adds no extension of its own): {@code mixnet_topk} over Spark's {@code
     * binaryFile} source labels on the executors.
     */
    @Test
    void theSqlFunctionsLabelUnderSparkSubmitFromConfigurationAlone() throws Exception {
        Path photos = photos();
        Submitted run = submit("sql", List.of(
                "--conf", "spark.sql.extensions=io.mixnetspark.spark.sql.MixNetSqlExtensions",
                "--conf", "spark.mixnet.model=" + SharedData.require("fixtures/mixnet_s-timm-random/model.safetensors"),
                "--conf", "spark.mixnet.batchSize=4"),
                List.of("sql", "--format", "csv", "SELECT count(*) AS n, sum(size(mixnet_topk(content, 3))) AS entries,"
                        + " count(mixnet_error(content)) AS errors FROM binaryFile.`" + photos.toUri() + "`"));
        // stdout (the CSV) and stderr (Spark's log) share the log file: the result's lines, in order
        List<String> lines = run.output.lines().toList();
        int header = lines.indexOf("n,entries,errors");
        assertTrue(header >= 0 && lines.subList(header, lines.size()).contains("8,24,0"), run.tail());
        run.assertExecutorsLabeled();
    }

    private Path photos() throws IOException {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        try (Stream<Path> files = Files.list(SharedData.require("datasets/imagenette2-224-subset/val/n03888257"))) {
            for (Path p : files.sorted().limit(8).toList()) {
                Files.copy(p, photos.resolve(p.getFileName()));
            }
        }
        return photos;
    }

    /**
     * Runs the application jar's {@code MixNetCli} with these arguments under {@code spark-submit}.
     * Its output and its executors' logs are kept under {@code target/spark-submit-NAME/}.
     */
    private Submitted submit(String name, List<String> conf, List<String> arguments) throws Exception {
        Path jar = Paths.get(System.getProperty("mixnet.app.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first (mvn verify): " + jar);
        String sparkClassPath = sparkInstallationClassPath();
        // A fresh SPARK_HOME per run: its work/ then holds only this run's executors' logs.
        Path kept = Paths.get("target", "spark-submit-" + name).toAbsolutePath();
        deleteRecursively(kept);
        Path sparkHome = LocalClusterSessions.sparkHome(kept.resolve("spark-home"));
        String opens = System.getProperty("mixnet.jvm.opens", "");

        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(Arrays.asList(opens.split("\\s+")));
        command.addAll(List.of("-cp", sparkClassPath, "org.apache.spark.deploy.SparkSubmit",
                "--master", "local-cluster[2,1,1536]",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.executor.extraClassPath=" + sparkClassPath,
                "--conf", "spark.executor.extraJavaOptions=-Dai.djl.offline=true " + opens,
                "--conf", "spark.executorEnv.OMP_WAIT_POLICY=PASSIVE",
                "--conf", "spark.sql.catalogImplementation=hive",
                "--conf", "spark.sql.warehouse.dir=" + tmp.resolve("warehouse").toUri(),
                "--conf", "spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby:;databaseName="
                        + tmp.resolve("metastore_db") + ";create=true",
                "--driver-java-options", "-Dai.djl.offline=true -Dderby.stream.error.file=" + tmp.resolve("derby.log")));
        command.addAll(conf);
        command.addAll(List.of("--class", "io.mixnetspark.cli.MixNetCli", jar.toString()));
        command.addAll(arguments);
        Path log = kept.resolve("spark-submit.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Not spark.testing: under it local-cluster workers write to temporary folders deleted on stop.
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        Process process = builder.start();
        boolean finished = process.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        Submitted run = new Submitted(Files.readString(log), sparkHome);
        assertTrue(finished, "spark-submit did not finish in 8 minutes: " + run.tail());
        assertEquals(0, process.exitValue(), run.tail());
        return run;
    }

    /** What a {@code spark-submit} run printed, and where its executors logged. */
    private record Submitted(String output, Path sparkHome) {

        String tail() {
            return output.substring(Math.max(0, output.length() - 6000));
        }

        /** Both workers' executors registered, and an executor ran the network (its numerics self-check). */
        void assertExecutorsLabeled() throws IOException {
            assertTrue(output.contains("executor 1") || output.contains("executor ID 1") || output.contains("with ID 1"),
                    "both workers' executors registered: " + tail());
            List<String> executorLogs = executorStderr(sparkHome.resolve("work"));
            assertTrue(!executorLogs.isEmpty(), "the executors' stderr under " + sparkHome.resolve("work"));
            assertTrue(executorLogs.stream().anyMatch(e -> e.contains("Numerics")),
                    "an executor that labeled ran the numerics self-check and logged it");
            for (String stderr : executorLogs) {
                assertTrue(!stderr.contains("NNPACK"), "no NNPACK line in an executor's stderr: "
                        + stderr.substring(Math.max(0, stderr.length() - 3000)));
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The stderr files the standalone workers' executors wrote. */
    private static List<String> executorStderr(Path work) throws IOException {
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                logs.add(Files.readString(p));
            }
        }
        return logs;
    }
}

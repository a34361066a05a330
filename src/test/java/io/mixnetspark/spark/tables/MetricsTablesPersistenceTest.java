package io.mixnetspark.spark.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.spark.eval.HandScoredRows;
import io.mixnetspark.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics tables outlive the process: one JVM writes every table (each write twice), a second
 * JVM opens the same embedded catalog and finds exactly the rows written once, with the
 * hand-computed figures of {@link HandScoredRows}. Both run as child processes, since the embedded
 * Derby metastore admits one JVM at a time.
 */
class MetricsTablesPersistenceTest {

    @TempDir
    Path home;

    @Test
    void tablesWrittenInOneJvmAreReadBackInAnother() throws Exception {
        Map<String, String> props = Map.of("mixnet.home", home.toString(),
                "derby.stream.error.file", home.resolve("derby.log").toString());
        ChildJvm.Result write = ChildJvm.run(TablesRoundTripMain.class, props, 300, "write");
        assertEquals(0, write.exitCode(), write.output());
        ChildJvm.Result read = ChildJvm.run(TablesRoundTripMain.class, props, 300, "read");
        assertEquals(0, read.exitCode(), read.output());
        List<String> lines = read.output().lines().filter(l -> l.matches("^(run|epochs|val|class|cell)\\|.*")).toList();
        String loss = Double.toString(HandScoredRows.loss());
        assertEquals(List.of(
                "run|rt-train|train|SUCCEEDED|-|true|1|true",
                "run|rt-val|validate|FAILED|java.lang.IllegalStateException: boom|true|1|true",
                "epochs|rt-train|3|3|30",
                "epochs|rt-val|1|0|null",
                "val|0.2|0.6|" + loss + "|5|true",
                "class|0|w0|class 0|1|1.0|1.0",
                "class|1|w1|class 1|1|0.0|1.0",
                "class|2|w2|class 2|1|0.0|1.0",
                "class|3|w3|class 3|1|0.0|0.0",
                "class|5|w5|class 5|1|0.0|0.0",
                "cell|0|0|w0|class 0|1",
                "cell|1|0|w1|class 0|1",
                "cell|2|1|w2|class 1|1",
                "cell|5|0|w5|class 0|1"), lines, read.output());
        assertTrue(home.resolve("metastore_db").toFile().isDirectory());
    }
}

package io.mixnetspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mixnetspark.testing.LocalClusterSessions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The multi-JVM test cluster really runs tasks in two executor JVMs apart from the driver. */
class LocalClusterTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalClusterSessions.start("LocalClusterTest", 2, 1, Map.of());
    }

    @AfterAll
    static void stop() {
        LocalClusterSessions.stop(spark);
    }

    @Test
    void tasksRunInTwoSeparateExecutorJvms() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Long> pids = jsc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8)
                .map(i -> { Thread.sleep(200); return ProcessHandle.current().pid(); })
                .collect();
        List<Long> distinct = pids.stream().distinct().collect(Collectors.toList());
        assertEquals(2, distinct.size(), "executor JVMs: " + distinct);
        assertFalse(distinct.contains(ProcessHandle.current().pid()), "a task ran in the driver JVM");
    }
}

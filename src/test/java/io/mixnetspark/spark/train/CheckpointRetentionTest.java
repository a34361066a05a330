package io.mixnetspark.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.train.CheckpointRetention;
import io.mixnetspark.train.CheckpointRetention.Policy;
import io.mixnetspark.train.EpochRecord;
import io.mixnetspark.train.TrainingCheckpoint;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRetentionTest {

    /** Validation top-1 after epochs 1..6. */
    private static final double[] VAL_TOP1 = {0.30, 0.55, 0.61, 0.58, 0.61, 0.40};

    @TempDir
    Path tmp;

    @Test
    void checkpointsEveryIntervalAndAfterTheLastEpoch() {
        CheckpointRetention everyThird = new CheckpointRetention(10, Policy.LATEST_K, 3);
        List<Integer> saved = new ArrayList<>();
        for (int epochs = 1; epochs <= 7; epochs++) {
            if (everyThird.savesAfter(epochs, 7)) {
                saved.add(epochs);
            }
        }
        assertEquals(List.of(3, 6, 7), saved);
    }

    @Test
    void latestKeepsTheNewest() {
        assertEquals(Set.of(5, 6), new CheckpointRetention(2, Policy.LATEST_K, 1).kept(epochs(1, 6), history()));
        assertEquals(epochs(1, 6), new CheckpointRetention(0, Policy.LATEST_K, 1).kept(epochs(1, 6), history()),
                "0 keeps every checkpoint");
        assertEquals(Set.of(2, 3), new CheckpointRetention(5, Policy.LATEST_K, 1).kept(Set.of(2, 3), history()));
    }

    @Test
    void topKeepsTheBestValidationTop1TheNewerOnTiesAndAlwaysTheNewest() {
        // epochs 3 and 5 tie at 0.61: the newer (5) wins the single place; 6 (0.40) stays as the newest
        assertEquals(Set.of(5, 6), new CheckpointRetention(1, Policy.TOP_K, 1).kept(epochs(1, 6), history()));
        assertEquals(Set.of(3, 4, 5, 6), new CheckpointRetention(3, Policy.TOP_K, 1).kept(epochs(1, 6), history()));
        assertEquals(Set.of(3, 4, 5), new CheckpointRetention(3, Policy.TOP_K, 1).kept(epochs(1, 5), history()),
                "the newest (5) is among the best three, so three are kept");
    }

    @Test
    void pruneDeletesWhatTheRuleDropsAndLeavesIncompleteFoldersAlone() throws Exception {
        RunCheckpoints run = new RunCheckpoints(new Configuration(), tmp.toUri().toString());
        for (int epochs = 1; epochs <= 5; epochs++) {
            write(run, epochs, TrainingCheckpoint.WEIGHTS);
            write(run, epochs, TrainingCheckpoint.STATE);
        }
        write(run, 6, TrainingCheckpoint.WEIGHTS); // being written: no state file yet

        assertEquals(epochs(1, 5), run.savedEpochs());
        assertEquals(Set.of(1, 2, 4), run.prune(new CheckpointRetention(2, Policy.TOP_K, 1), history()));

        assertEquals(List.of("epoch-0003", "epoch-0005", "epoch-0006"), folders());
        assertEquals(Set.of(3, 5), run.savedEpochs());
        assertTrue(run.latest().orElseThrow().toString().endsWith("/epoch-0005"), run.latest().toString());
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException keep = assertThrows(IllegalArgumentException.class,
                () -> new CheckpointRetention(-1, Policy.LATEST_K, 1));
        assertTrue(keep.getMessage().contains("checkpoints kept must be >= 0"), keep.getMessage());
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> new CheckpointRetention(1, Policy.LATEST_K, 0));
        assertTrue(interval.getMessage().contains("interval must be >= 1"), interval.getMessage());
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class, () -> Policy.parse("best"));
        assertEquals("checkpoint policy 'best' is not one of [latest_k, top_k]", policy.getMessage());
        assertEquals(Policy.TOP_K, Policy.parse("TOP_K"));
        assertFalse(new CheckpointRetention(1, Policy.LATEST_K, 2).savesAfter(1, 5));
    }

    private static Set<Integer> epochs(int first, int last) {
        return new TreeSet<>(Stream.iterate(first, e -> e <= last, e -> e + 1).toList());
    }

    private static List<EpochRecord> history() {
        List<EpochRecord> history = new ArrayList<>();
        for (int e = 0; e < VAL_TOP1.length; e++) {
            history.add(new EpochRecord(e, 0, 3, 0, 24, 1.0, 0.5, 24, VAL_TOP1[e], 0.9, 1.0, 0.01, 1.0, 0.0, 0));
        }
        return history;
    }

    private static void write(RunCheckpoints run, int epochs, String name) throws Exception {
        try (OutputStream out = run.afterEpoch(epochs).create(name)) {
            out.write(1);
        }
    }

    private List<String> folders() throws Exception {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.model.MixNetModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run continues exactly like the uninterrupted one. */
class TrainingCheckpointTest {

    /** Dropout on, Nesterov, EMA, filtered weight decay, warmup: every piece of state matters. */
    private static final TrainingRecipe RECIPE = TestNetworks.recipe()
            .setEpochs(3)
            .optWarmupEpochs(1)
            .optNesterov(true)
            .optEmaDecay(0.9)
            .optWeightDecay(1e-3)
            .optDecayBatchNormAndBias(false)
            .build();

    @Test
    void resumedRunTakesTheSameNextStepAsTheUninterruptedOne(@TempDir Path folder) throws IOException {
        List<Batch> batches = TestNetworks.randomBatches(3, 4, 21);
        CheckpointFiles files = CheckpointFiles.directory(folder.resolve("epoch-1"));
        Map<String, float[]> weights;
        Map<String, float[]> average;
        Map<String, float[]> momentum;
        try (MixNetModel model = TestNetworks.mixnetS(0.2f, 11);
                EpochTrainer trainer = new EpochTrainer(model, RECIPE, 2, GradientSync.LOCAL)) {
            trainer.trainEpoch(batches.subList(0, 2).iterator());
            TrainingCheckpoint.save(trainer, files);
            trainer.trainEpoch(batches.subList(2, 3).iterator());
            weights = TestNetworks.snapshot(model);
            average = TestNetworks.snapshot(trainer.ema().orElseThrow().tensors());
            momentum = TestNetworks.snapshot(trainer.optimizer().momentumBuffers());
        }

        CheckpointState state = TrainingCheckpoint.readState(files);
        assertEquals(new CheckpointState(TrainingCheckpoint.FORMAT_VERSION, 1, 2, 2, state.model(), RECIPE, null), state);
        try (MixNetModel fresh = TestNetworks.mixnetS(0.2f, 99);
                EpochTrainer resumed = TrainingCheckpoint.resume(fresh, files, GradientSync.LOCAL, RECIPE)) {
            assertEquals(2, resumed.globalStep());
            resumed.trainEpoch(batches.subList(2, 3).iterator());

            assertEquals(2, resumed.completedEpochs());
            assertEquals(3, resumed.globalStep());
            assertSame(weights, TestNetworks.snapshot(fresh));
            assertSame(average, TestNetworks.snapshot(resumed.ema().orElseThrow().tensors()));
            assertSame(momentum, TestNetworks.snapshot(resumed.optimizer().momentumBuffers()));
        }
    }

    private static void assertSame(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, values) -> assertArrayEquals(values, actual.get(key), 0f, key));
    }

    @Test
    void streamsCarryTheCheckpointAndMismatchesAreRefused() throws IOException {
        InMemoryFiles files = new InMemoryFiles();
        TrainingRecipe noEma = TestNetworks.recipe().build();
        try (MixNetModel model = TestNetworks.mixnetS(0f, 12);
                EpochTrainer trainer = new EpochTrainer(model, noEma, 1, GradientSync.LOCAL)) {
            trainer.trainEpoch(TestNetworks.randomBatches(1, 2, 3).iterator());
            TrainingCheckpoint.save(trainer, files);
        }
        assertEquals(
                java.util.Set.of(TrainingCheckpoint.WEIGHTS, TrainingCheckpoint.OPTIMIZER, TrainingCheckpoint.STATE),
                files.contents.keySet());
        String json = new String(files.contents.get(TrainingCheckpoint.STATE), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"globalStep\" : 1") && json.contains("\"labelSmoothing\" : 0.1"), json);

        try (MixNetModel other = TestNetworks.mixnetS(0.2f, 13)) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> TrainingCheckpoint.resume(other, files, GradientSync.LOCAL, noEma));
            assertTrue(e.getMessage().contains("dropRate=0.2"), e.getMessage());
        }
        files.contents.put(TrainingCheckpoint.STATE, json.replace("\"formatVersion\" : 2", "\"formatVersion\" : 1")
                .getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> TrainingCheckpoint.readState(files));
    }

    @Test
    void directoryFilesLandInTheFolder(@TempDir Path folder) throws IOException {
        CheckpointFiles files = CheckpointFiles.directory(folder.resolve("a/b"));
        try (OutputStream out = files.create("x.json")) {
            out.write('1');
        }
        assertEquals("1", Files.readString(folder.resolve("a/b/x.json")));
        assertThrows(IOException.class, () -> files.open("missing.json"));
    }

    /** What a Hadoop-backed implementation looks like: one stream per file name. */
    private static final class InMemoryFiles implements CheckpointFiles {
        final Map<String, byte[]> contents = new HashMap<>();

        @Override
        public OutputStream create(String name) {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    contents.put(name, toByteArray());
                }
            };
        }

        @Override
        public InputStream open(String name) throws IOException {
            byte[] bytes = contents.get(name);
            if (bytes == null) {
                throw new FileNotFoundException(name);
            }
            return new ByteArrayInputStream(bytes);
        }
    }
}

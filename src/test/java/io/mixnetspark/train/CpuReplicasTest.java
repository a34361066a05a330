package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import io.mixnetspark.model.MixNetModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CpuReplicasTest {

    private static final int BATCH = 2 * CpuReplicas.MIN_SHARD_IMAGES;

    @Test
    void twoReplicasAverageTheGradientsAndStatisticsOfTheirHalves() {
        Batch both = TestNetworks.randomBatches(1, BATCH, 5).get(0);
        Trained whole = trainOneStep(2, both);
        Trained first = trainOneStep(1, slice(both, 0, BATCH / 2));
        Trained second = trainOneStep(1, slice(both, BATCH / 2, BATCH));
        assertEquals(whole.gradients.keySet(), first.gradients.keySet());
        whole.gradients.forEach((key, g) -> assertClose(mean(first.gradients.get(key), second.gradients.get(key)), g,
                "gradient of " + key));
        whole.statistics.forEach((key, s) -> assertClose(mean(first.statistics.get(key), second.statistics.get(key)), s,
                key + " after the epoch"));
    }

    @Test
    void dropoutMasksDependOnTheSeedNotOnTheThreads() {
        List<Batch> batches = TestNetworks.randomBatches(2, BATCH, 6);
        TrainingRecipe recipe = TestNetworks.recipe().setBatchSize(BATCH).optCpuReplicas(2).build();
        Map<String, float[]> once = trainWithDropout(recipe, batches);
        Map<String, float[]> again = trainWithDropout(recipe, batches);
        once.forEach((key, w) -> assertArrayEquals(w, again.get(key), key));
        Map<String, float[]> oneReplica = trainWithDropout(recipe.toBuilder().optCpuReplicas(1).build(), batches);
        assertFalse(Arrays.equals(once.get("classifier.weight"), oneReplica.get("classifier.weight")),
                "two replicas draw their own masks and normalise their own halves");
    }

    @Test
    void replicasRunOnOneIntraOpThreadEachAndLeaveTheCallersCount() {
        int callers = JniUtils.getNumThreads();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        try (MixNetModel model = TestNetworks.mixnetS(0f, 8);
                CpuReplicas replicas = new CpuReplicas(model, parameters(model, true), parameters(model, false), 2);
                NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            assertEquals(callers, JniUtils.getNumThreads(), "the caller's intra-op threads");
            Batch batch = TestNetworks.randomBatches(1, BATCH, 7).get(0);
            NDArray images = manager.create(batch.pixels(), batch.shape());
            List<CpuReplicas.ShardOutput> outputs = replicas.run(BATCH, 3, 1f, manager, (shard, ps) -> {
                seen.add(JniUtils.getNumThreads());
                threadNames.add(Thread.currentThread().getName());
                NDArray logits = model.network().forward(ps, new NDList(shard.of(images)), true).singletonOrThrow();
                NDArray loss = logits.mean();
                return new CpuReplicas.ShardOutput(loss, logits);
            });
            assertEquals(2, outputs.size());
            assertEquals(BATCH / 2, outputs.get(1).logits().getShape().get(0));
        }
        assertEquals(Set.of(1), seen, "intra-op threads inside the replicas");
        assertEquals(2, threadNames.size(), "one thread per replica: " + threadNames);
        assertEquals(callers, JniUtils.getNumThreads(), "the caller's intra-op threads after closing");
    }

    @Test
    void aFailingReplicaFailsTheStepOnlyAfterEveryReplicaEnded() {
        AtomicBoolean slowOneEnded = new AtomicBoolean();
        try (MixNetModel model = TestNetworks.mixnetS(0f, 8);
                CpuReplicas replicas = new CpuReplicas(model, parameters(model, true), parameters(model, false), 2);
                NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> replicas.run(BATCH, 3, 1f, manager, (shard, ps) -> {
                        if (shard.replica() == 0) {
                            throw new IllegalStateException("replica 0 failed");
                        }
                        sleep(300);
                        slowOneEnded.set(true);
                        throw new IllegalStateException("replica 1 failed later");
                    }));
            assertEquals("replica 0 failed", e.getMessage(), "the first replica's failure, in batch order");
            assertTrue(slowOneEnded.get(), "the step waited for the slower replica");
        }
    }

    @Test
    void nativeMemoryStaysFlatWithReplicas() {
        // lr 0.01, not the recipe's 0.1: at 0.1 these random batches diverged to NaN once, in
        // InstructionSetMatrixIT's AVX512_CORE run after the other parity tests in the same JVM (not
        // reproduced alone); this test is about memory, not convergence
        TrainingRecipe recipe = TestNetworks.recipe().setBatchSize(BATCH).setLr(0.01).optCpuReplicas(2).build();
        try (MixNetModel model = TestNetworks.mixnetS(0.2f, 8);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 3, GradientSync.LOCAL)) {
            NDManager root = model.djlModel().getNDManager();
            trainer.trainEpoch(TestNetworks.randomBatches(1, BATCH, 1).iterator());
            int afterFirstStep = root.getManagedArrays().size();
            trainer.trainEpoch(TestNetworks.randomBatches(3, BATCH, 2).iterator());
            trainer.evaluate(TestNetworks.randomBatches(2, BATCH, 3).iterator());
            assertEquals(afterFirstStep, root.getManagedArrays().size(), "arrays held by the model's manager");
        }
    }

    /** What one step left: the gradients handed to the sync, and the running statistics after the epoch. */
    private record Trained(Map<String, float[]> gradients, Map<String, float[]> statistics) {}

    private static Trained trainOneStep(int replicas, Batch batch) {
        TrainingRecipe recipe = TestNetworks.recipe().setBatchSize(BATCH).optCpuReplicas(replicas).build();
        Map<String, float[]> gradients = new LinkedHashMap<>();
        GradientSync capture = (g, localBatchSize) -> gradients.putAll(TestNetworks.snapshot(g));
        try (MixNetModel model = TestNetworks.mixnetS(0f, 8);
                EpochTrainer trainer = new EpochTrainer(model, recipe, 1, capture)) {
            trainer.trainEpoch(List.of(batch).iterator());
            Map<String, float[]> statistics = new LinkedHashMap<>();
            model.stateDict().entries().forEach((key, p) -> {
                if (!p.requiresGradient()) {
                    statistics.put(key, p.getArray().toFloatArray());
                }
            });
            return new Trained(gradients, statistics);
        }
    }

    private static Map<String, float[]> trainWithDropout(TrainingRecipe recipe, List<Batch> batches) {
        try (MixNetModel model = TestNetworks.mixnetS(0.5f, 8);
                EpochTrainer trainer = new EpochTrainer(model, recipe, batches.size(), GradientSync.LOCAL)) {
            trainer.trainEpoch(batches.iterator());
            return TestNetworks.snapshot(model);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Parameter> parameters(MixNetModel model, boolean trainable) {
        return model.stateDict().entries().values().stream().filter(p -> p.requiresGradient() == trainable).toList();
    }

    private static Batch slice(Batch batch, int from, int to) {
        int perImage = batch.pixels().length / batch.size();
        return new Batch(Arrays.copyOfRange(batch.pixels(), from * perImage, to * perImage),
                Arrays.copyOfRange(batch.labels(), from, to), batch.height(), batch.width());
    }

    private static float[] mean(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] + b[i]) / 2;
        }
        return out;
    }

    /** Equal up to float rounding, relative to the tensor's largest value. */
    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float largest = 0;
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        // Float sums in another order (one intra-op thread against two, halves apart) stay within
        // this, also for gradients that are zero but for rounding (a shift that a later BatchNorm
        // removes); a missing, doubled or misweighted half differs by the values themselves.
        assertTrue(worst <= 1e-3f * largest + 1e-4f,
                what + ": largest difference " + worst + ", largest value " + largest);
    }
}

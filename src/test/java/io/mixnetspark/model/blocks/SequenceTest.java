package io.mixnetspark.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.OfflineEngine;
import org.junit.jupiter.api.Test;

/**
 * An eval pass through a {@link Sequence} gives what its children give one after the other, and
 * leaves on the input's manager only its output (each child's intermediates and the outputs
 * consumed by the next child are closed on the way), while a training pass keeps them (the
 * backward pass needs them). The input itself stays open.
 */
class SequenceTest {

    @Test
    void evalKeepsOnlyTheOutputAndTrainingKeepsTheIntermediates() {
        try (NDManager manager = OfflineEngine.pytorch().newBaseManager()) {
            Shape input = new Shape(2, 4, 9, 9);
            Sequence sequence = new Sequence()
                    .append(new MixedConv2d(4, 8, new int[] {3, 5}, 1, true))
                    .append(Layers.conv(8, 3, 2, 1, false))
                    .append(new MixedConv2d(8, 6, new int[] {1, 1}, 1, false));
            sequence.initialize(manager, DataType.FLOAT32, input);
            ParameterStore ps = new ParameterStore(manager, false);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.randomNormal(input);
                NDArray chained = x;
                int before = batch.getManagedArrays().size();
                for (Block child : sequence.getChildren().values()) {
                    chained = child.forward(ps, new NDList(chained), false).singletonOrThrow();
                }
                int leftByChildren = batch.getManagedArrays().size() - before;
                assertTrue(leftByChildren > 3, "the children alone leave their intermediates: " + leftByChildren);

                before = batch.getManagedArrays().size();
                NDArray out = sequence.forward(ps, new NDList(x), false).singletonOrThrow();
                assertEquals(1, batch.getManagedArrays().size() - before, "an eval pass leaves only its output");
                assertArrayEquals(chained.toFloatArray(), out.toFloatArray(), 1e-6f);
                assertEquals(input, x.getShape(), "the input stays open");
                x.toFloatArray();

                before = batch.getManagedArrays().size();
                sequence.forward(ps, new NDList(x), true);
                assertTrue(batch.getManagedArrays().size() - before > 3, "a training pass keeps its intermediates");
            }
        }
    }
}

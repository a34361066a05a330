package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import io.mixnetspark.model.weights.CorruptWeightsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights holding NaN or infinite values are refused by default, naming each tensor; the option
 * loads them; damaged-weights messages never end in "null".
 */
class NonFiniteWeightsTest {

    @TempDir
    Path tmp;

    @Test
    void nanAndInfinityAreRefusedNamingTheTensorsUnlessAllowed() throws IOException {
        Path good = tmp.resolve("good.safetensors");
        Path damaged = tmp.resolve("nan.safetensors");
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S).build();
        try (MixNetModel model = MixNetModel.create(config, Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelWeights.saveSafetensors(model, good);
            Map<String, NDArray> tensors = SafetensorsFile.read(manager, good);
            tensors.put("conv_stem.weight", poisoned(tensors.get("conv_stem.weight"), Float.NaN, 3));
            tensors.put("bn2.running_var", poisoned(tensors.get("bn2.running_var"), Float.POSITIVE_INFINITY, 1));
            NDList list = new NDList();
            tensors.forEach((name, array) -> {
                array.setName(name);
                list.add(array);
            });
            try (OutputStream out = Files.newOutputStream(damaged)) {
                list.encode(out, NDList.Encoding.SAFETENSORS);
            }
            float before = stemWeight(model);

            NonFiniteWeightsException e = assertThrows(NonFiniteWeightsException.class,
                    () -> ModelWeights.load(model, damaged));
            assertTrue(e.getMessage().contains("nan.safetensors")
                    && e.getMessage().contains("conv_stem.weight (3 of 432 values)")
                    && e.getMessage().contains("bn2.running_var (1 of 1536 values)"), e.getMessage());
            assertEquals(before, stemWeight(model), "nothing is copied when a tensor is refused");

            ModelWeights.load(model, damaged, true);
            assertTrue(Float.isNaN(stemWeight(model)));
            ModelWeights.load(model, good);
            assertFalse(Float.isNaN(stemWeight(model)));
        }
    }

    @Test
    void parserErrorsWithoutAMessageAreNamedByTheirClass() {
        assertEquals("BufferUnderflowException", CorruptWeightsException.describe(new BufferUnderflowException()));
        assertEquals("NullPointerException", CorruptWeightsException.describe(new NullPointerException()));
        assertEquals("bad offset", CorruptWeightsException.describe(new IllegalArgumentException("bad offset")));
    }

    private static float stemWeight(MixNetModel model) {
        return model.stateDict().entries().get("conv_stem.weight").getArray().getFloat(0, 0, 0, 0);
    }

    /** The tensor with its first {@code count} values replaced. */
    private static NDArray poisoned(NDArray tensor, float value, int count) {
        float[] values = tensor.toFloatArray();
        for (int i = 0; i < count; i++) {
            values[i] = value;
        }
        return tensor.getManager().create(values, tensor.getShape());
    }
}

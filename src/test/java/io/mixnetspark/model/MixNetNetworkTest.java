package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.arch.ArchitecturePlan;
import io.mixnetspark.model.arch.MixNetConfig;
import io.mixnetspark.model.arch.MixNetVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The DJL network built from each variant's table. */
class MixNetNetworkTest {

    @ParameterizedTest
    @EnumSource(MixNetVariant.class)
    void builtNetworkHasExactlyThePlannedTensors(MixNetVariant variant) {
        MixNetConfig config = MixNetConfig.builder(variant).optNumClasses(1000).build();
        ArchitecturePlan plan = ArchitecturePlan.resolve(config);
        try (MixNetModel model = MixNetModel.create(config, Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            StateDict sd = model.stateDict();
            assertEquals(plan.trainableParameters(), sd.trainableParameters());
            assertEquals(plan.batchNormBufferElements(), sd.bufferElements());
            // timm's state dict minus one num_batches_tracked per BN layer (spec 2.1)
            int expectedKeys = variant == MixNetVariant.MIXNET_S ? 396 - 49 : 479 - 58;
            assertEquals(expectedKeys, sd.entries().size());
            assertEquals(plan.batchNormLayers(), variant == MixNetVariant.MIXNET_S ? 49 : 58);
            NDArray logits = model.logits(manager.randomNormal(new Shape(2, 3, 224, 224)));
            assertEquals(new Shape(2, 1000), logits.getShape());
        }
    }

    @Test
    void timmKeysAreNamedAsTimmNamesThem() {
        try (MixNetModel model = MixNetModel.create(MixNetConfig.builder(MixNetVariant.MIXNET_S).build(), Device.cpu())) {
            var keys = model.stateDict().entries().keySet();
            for (String key : new String[] {
                "conv_stem.weight", "bn1.running_var", "blocks.0.0.conv_dw.weight", "blocks.0.0.conv_pw.weight",
                "blocks.1.0.conv_pw.1.weight", "blocks.2.0.conv_dw.2.weight", "blocks.2.0.se.conv_reduce.bias",
                "blocks.5.0.conv_dw.4.weight", "blocks.5.2.conv_pwl.1.weight", "blocks.5.2.bn3.running_mean",
                "conv_head.weight", "bn2.weight", "classifier.bias"}) {
                assertTrue(keys.contains(key), key + " missing from " + keys);
            }
        }
    }

    @Test
    void customClassesAndSmallImagesWork() {
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S).optNumClasses(10)
                .optWidthMultiplier(0.5).build();
        try (MixNetModel model = MixNetModel.create(config, Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            assertEquals(new Shape(3, 10), model.logits(manager.randomNormal(new Shape(3, 3, 64, 96))).getShape());
        }
    }

    @Test
    void wrongInputShapesFailWithAClearMessage() {
        try (MixNetModel model = MixNetModel.create(MixNetConfig.builder(MixNetVariant.MIXNET_S).build(), Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                    () -> model.logits(manager.zeros(new Shape(3, 224, 224))));
            assertTrue(rank.getMessage().contains("(N, 3, H, W)"), rank.getMessage());
            IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                    () -> model.logits(manager.zeros(new Shape(1, 1, 224, 224))));
            assertTrue(channels.getMessage().contains("(1, 1, 224, 224)"), channels.getMessage());
        }
    }

    @Test
    void dropoutAndDropPathActOnlyInTraining() {
        MixNetConfig config = MixNetConfig.builder(MixNetVariant.MIXNET_S).optNumClasses(10)
                .optDropRate(0.5f).optDropPathRate(0.5f).build();
        try (MixNetModel model = MixNetModel.create(config, Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.randomNormal(new Shape(4, 3, 64, 64));
            assertEquals(0f, model.logits(x).sub(model.logits(x)).abs().max().getFloat(), "eval is deterministic");
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray a = model.network().forward(ps, new NDList(x), true).singletonOrThrow();
            NDArray b = model.network().forward(ps, new NDList(x), true).singletonOrThrow();
            assertNotEquals(0f, a.sub(b).abs().max().getFloat(), "training passes are stochastic");
        }
    }
}

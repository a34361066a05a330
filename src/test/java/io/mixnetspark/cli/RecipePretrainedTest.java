package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.config.RecipeConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which pretrained weights a recipe names: {@code pretrained_weights}, or MindCV's {@code pretrained: True}. */
class RecipePretrainedTest {

    private static Optional<String> name(String yaml) {
        return RecipePretrained.name(RecipeConfig.parse(yaml, "r.yaml"));
    }

    private static String refused(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> name(yaml)).getMessage();
    }

    @Test
    void mindCvsPretrainedTrueMeansMindCvsWeightsOfTheModel() {
        assertEquals(Optional.empty(), name("model: mixnet_m\n"));
        assertEquals(Optional.of("mindcv/mixnet_m"), name("model: mixnet_m\npretrained: True\n"));
        assertEquals(Optional.of("hf://acme/birds"), name("pretrained_weights: hf://acme/birds\npretrained: True\n"));
    }

    @Test
    void aNameBesideCkptPathOtherVariantsAndUnknownNamesAreRefused() {
        assertEquals("give either ckpt_path (w.safetensors) or pretrained weights (mixnet_s), not both",
                refused("pretrained_weights: mixnet_s\nckpt_path: w.safetensors\n"));
        assertEquals("pretrained weights mixnet_l are mixnet_l's but the recipe's model is mixnet_s: add --model mixnet_l",
                refused("pretrained_weights: mixnet_l\n"));
        assertTrue(refused("pretrained_weights: resnet50\n").startsWith("unknown pretrained weights resnet50; allowed:"));
    }
}

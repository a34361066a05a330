package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixnetspark.config.RecipeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link RecipeLimits} refuses the recipe values mixnet-spark would otherwise silently not honour,
 * naming the key, the value and what is allowed, and accepts every shipped recipe.
 */
class RecipeLimitsTest {

    @Test
    void everyShippedRecipeIsAccepted() throws IOException {
        List<Path> recipes;
        try (Stream<Path> files = Files.list(Paths.get("conf"))) {
            recipes = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(5, recipes.size(), "recipes in conf/: " + recipes);
        for (Path recipe : recipes) {
            assertDoesNotThrow(() -> RecipeLimits.checkTraining(RecipeConfig.load(recipe)), recipe.toString());
        }
    }

    @Test
    void mindCvsDefaultOptimizerIsRefusedUntilTheRecipeSaysMomentum() {
        assertEquals("recipe key opt=adam (MindCV's default; set opt in the recipe) is not supported: allowed momentum, sgd",
                refusedTraining(""));
        assertEquals("recipe key opt=adamw is not supported: allowed momentum, sgd", refusedTraining("opt: adamw\n"));
        assertDoesNotThrow(() -> RecipeLimits.checkTraining(RecipeConfig.parse("opt: SGD\n", "r.yaml")));
    }

    @Test
    void choicesAndDefaultOnlyKeysNameWhatIsAllowed() {
        assertEquals("recipe key loss=BCE is not supported: allowed CE", refusedTraining("opt: momentum\nloss: BCE\n"));
        assertEquals("recipe key scheduler=step_decay is not supported: allowed cosine_decay, warmup_cosine_decay",
                refusedTraining("opt: momentum\nscheduler: step_decay\n"));
        assertEquals("recipe key ckpt_save_policy=best is not supported: allowed latest_k, top_k",
                refusedTraining("opt: momentum\nckpt_save_policy: best\n"));
        assertEquals("recipe key vflip=0.5 is not supported: only 0.0 (MindCV's default)",
                refusedTraining("opt: momentum\nvflip: 0.5\n"));
        assertEquals("recipe key gradient_accumulation_steps=4 is not supported: only 1 (MindCV's default)",
                refusedTraining("opt: momentum\ngradient_accumulation_steps: 4\n"));
        assertEquals("recipe key dataset_download=true is not supported: only false (MindCV's default)"
                + " (nothing is downloaded: give the data with data_dir)",
                refusedTraining("opt: momentum\ndataset_download: True\n"));
    }

    @Test
    void evaluationChecksOnlyWhatChangesTheEvalPreprocessing() {
        RecipeConfig bilinear = RecipeConfig.parse("interpolation: bilinear\n", "r.yaml");
        assertEquals("recipe key interpolation=bilinear is not supported: allowed bicubic",
                assertThrows(IllegalArgumentException.class, () -> RecipeLimits.checkEvaluation(bilinear)).getMessage());
        assertEquals("recipe key mean=[0.0, 0.0, 0.0] is not supported: only [123.675, 116.28, 103.53] (MindCV's default)",
                assertThrows(IllegalArgumentException.class, () -> RecipeLimits.checkEvaluation(
                        RecipeConfig.parse("mean: [0, 0, 0]\n", "r.yaml"))).getMessage());
        assertDoesNotThrow(() -> RecipeLimits.checkEvaluation(RecipeConfig.defaults()),
                "interpolation left at MindCV's bilinear default and opt at adam do not matter to validation");
    }

    private static String refusedTraining(String yaml) {
        RecipeConfig recipe = RecipeConfig.parse(yaml, "r.yaml");
        return assertThrows(IllegalArgumentException.class, () -> RecipeLimits.checkTraining(recipe)).getMessage();
    }
}

package io.mixnetspark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link RecipeConfig}: the recipes in conf/ load, and mistakes are named precisely. */
class RecipeConfigTest {

    @Test
    void everyRecipeInConfLoads() throws Exception {
        List<Path> recipes;
        try (Stream<Path> files = Files.list(Paths.get("conf"))) {
            recipes = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(5, recipes.size(), recipes.toString());
        for (Path p : recipes) {
            RecipeConfig r = RecipeConfig.load(p);
            assertTrue(r.getString("model").startsWith("mixnet_"), p.toString());
        }
    }

    @Test
    void theMixNetSRecipeHasMindCvValuesAndDefaults() throws Exception {
        RecipeConfig s = RecipeConfig.load(Paths.get("conf/mixnet_s.yaml"));
        assertEquals(600, s.getInt("epoch_size"));
        assertEquals(0.2, s.getDouble("lr"));
        assertEquals(1e-5, s.getDouble("min_lr"));
        assertEquals(15, s.getInt("warmup_epochs"));
        assertEquals(List.of(0.08, 1.0), s.getNumbers("scale"));
        assertEquals("bicubic", s.getString("interpolation"));
        assertTrue(s.getBoolean("distribute"));
        assertEquals(42, s.getInt("seed"), "MindCV default");
        assertFalse(s.getBoolean("ema"), "MindCV default");
        assertFalse(s.isSet("drop_rate"), "None in MindCV: the model's own default applies");
        assertEquals(0.25, RecipeConfig.load(Paths.get("conf/mixnet_m.yaml")).getDouble("drop_rate"));
        assertEquals(1.0, RecipeConfig.load(Paths.get("conf/mixnet_l.yaml")).getDouble("cutmix_prob"));
    }

    @Test
    void anUnknownKeyNamesTheClosestKnownKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecipeConfig.parse("lr: 0.1\nepoch_sise: 3\n", "my.yaml"));
        assertEquals("unknown key 'epoch_sise' in my.yaml; did you mean 'epoch_size'?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RecipeConfig.defaults().withOverrides(Map.of("warmup_epoch", "2")));
        assertEquals("unknown key 'warmup_epoch' in the command line; did you mean 'warmup_epochs'?", e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyAndTheType() {
        assertEquals("key 'batch_size' in r.yaml must be an integer from -2147483648 to 2147483647, got '12.5'",
                assertThrows(IllegalArgumentException.class, () -> RecipeConfig.parse("batch_size: 12.5", "r.yaml"))
                        .getMessage());
        for (String tooLarge : new String[] {"4294968296", "-2147483649", "99999999999999999999"}) {
            assertEquals("key 'epoch_size' in r.yaml must be an integer from -2147483648 to 2147483647, got '"
                    + tooLarge + "'", assertThrows(IllegalArgumentException.class,
                            () -> RecipeConfig.parse("epoch_size: " + tooLarge, "r.yaml")).getMessage());
        }
        assertEquals(2147483647, RecipeConfig.parse("epoch_size: 2147483647", "r.yaml").getInt("epoch_size"));
        assertEquals("key 'image_resize' in the command line must be from 32 to 2048, got 30000",
                assertThrows(IllegalArgumentException.class, () -> RecipeConfig.defaults()
                        .withOverrides(Map.of("image_resize", "30000"))).getMessage());
        assertEquals(2048, RecipeConfig.parse("image_resize: 2048", "r.yaml").getInt("image_resize"));
        assertEquals("key 'lr' in r.yaml must be a number, got 'fast'", assertThrows(
                IllegalArgumentException.class, () -> RecipeConfig.parse("lr: fast", "r.yaml")).getMessage());
        assertEquals("key 'scale' in r.yaml must be a list of numbers, got '[a, 1]'", assertThrows(
                IllegalArgumentException.class, () -> RecipeConfig.parse("scale: [a, 1]", "r.yaml")).getMessage());
        assertEquals("key 'ema' in the command line must be a boolean (True or False), got '2'", assertThrows(
                IllegalArgumentException.class, () -> RecipeConfig.defaults().withOverrides(Map.of("ema", "2"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecipeConfig.parse("lr: [", "r.yaml"))
                .getMessage().startsWith("r.yaml is not valid YAML"));
    }

    @Test
    void commandLineOverridesWinAndAreRecorded() throws Exception {
        RecipeConfig r = RecipeConfig.load(Paths.get("conf/mixnet_s.yaml"))
                .withOverrides(RecipeConfig.overrideArgs(List.of("--lr", "0.05", "--scale=[0.5, 1]", "--model", "mixnet_m",
                        "--ema", "True")));
        assertEquals(0.05, r.getDouble("lr"));
        assertEquals(List.of(0.5, 1.0), r.getNumbers("scale"));
        assertEquals("mixnet_m", r.getString("model"));
        assertTrue(r.getBoolean("ema"));
        String yaml = r.toYaml();
        assertTrue(yaml.contains("lr: 0.05\n") && yaml.contains("scale: [0.5, 1.0]\n") && yaml.contains("model: mixnet_m\n"),
                yaml);
        assertEquals(r.getDouble("lr"), RecipeConfig.parse(yaml, "recorded").getDouble("lr"), "the record reloads");
        assertThrows(IllegalArgumentException.class, () -> RecipeConfig.overrideArgs(List.of("--lr")));
        assertThrows(IllegalArgumentException.class, () -> RecipeConfig.overrideArgs(List.of("lr", "1")));
    }
}

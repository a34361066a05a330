package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RecipeArgs} resolves the recipe of a MindCV-style command: the {@code --config} file (or
 * MindCV's defaults), then the command's own flags that are recipe keys ({@code --data_dir}, {@code
 * --ckpt_path}...), then every other {@code --key value} of the command line as an override. An
 * unknown key fails naming the closest known one; a value of the wrong type names the expected type.
 */
final class RecipeArgs {

    private RecipeArgs() {}

    /**
     * Resolves the recipe.
     *
     * @param config the recipe file, or null for the defaults
     * @param flags recipe keys given as the command's own flags; null values are left out
     * @param overrides the remaining {@code --key value} arguments
     * @return the recipe
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming a bad key or value
     */
    static RecipeConfig resolve(Path config, Map<String, ?> flags, List<String> overrides) throws IOException {
        Map<String, String> given = RecipeConfig.overrideArgs(overrides);
        Map<String, String> explicit = new LinkedHashMap<>();
        flags.forEach((key, value) -> {
            if (value != null) {
                explicit.put(key, value.toString());
            }
        });
        given.putAll(explicit);
        RecipeConfig base = config == null ? RecipeConfig.defaults() : RecipeConfig.load(config);
        return base.withOverrides(given);
    }
}

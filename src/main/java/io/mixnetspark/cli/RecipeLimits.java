package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.config.RecipeKeys;
import io.mixnetspark.train.CheckpointRetention;
import java.util.List;
import java.util.Map;

/**
 * {@code RecipeLimits} rejects recipe values that mixnet-spark would otherwise ignore, so a MindCV
 * recipe never trains or validates differently from what it says without a word. Each failure names
 * the key, its value and what is allowed.
 *
 * <ul>
 *   <li>Keys with a choice: {@code opt} (SGD with momentum: {@code momentum} or {@code sgd}; MindCV's
 *       default {@code adam} is refused, so a recipe must say {@code opt}), {@code scheduler}
 *       (warmup then cosine), {@code loss} ({@code CE}), {@code reduction} ({@code mean}), {@code
 *       ckpt_save_policy} ({@code latest_k} or {@code top_k}), and
 *       {@code interpolation} when given ({@code bicubic}, the MixNet recipes' value, which both the
 *       training crop and the eval resize use).
 *   <li>Keys only supported at MindCV's default: vertical flip, repeated augmentation, no shuffling,
 *       gradient clipping and accumulation, other input channels, random erasing's shape and fill,
 *       normalisation other than ImageNet's, stepped or cyclic cosine, validation less often than
 *       every epoch, and the dataset download ({@code dataset_download}: give data with {@code
 *       data_dir}; MindCV's {@code pretrained: True} is supported, as {@link RecipePretrained} says).
 * </ul>
 *
 * Keys about MindSpore's runtime ({@code mode}, {@code dataset_sink_mode}, loss scaling, {@code
 * num_parallel_workers}...) are recorded with the run and have no effect;
 * {@code conf/README.md} lists them.
 */
final class RecipeLimits {

    /** Checked only when the recipe gives them: MindCV's defaults differ but mixnet-spark's are documented. */
    private static final Map<String, List<String>> EVAL_CHOICES = Map.of("interpolation", List.of("bicubic"));

    private static final Map<String, List<String>> TRAIN_CHOICES = Map.of(
            "opt", List.of("momentum", "sgd"),
            "scheduler", List.of("cosine_decay", "warmup_cosine_decay"),
            "loss", List.of("CE"),
            "reduction", List.of("mean"),
            "ckpt_save_policy", CheckpointRetention.Policy.names());

    private static final List<String> EVAL_DEFAULT_ONLY = List.of("in_channels", "mean", "std", "dataset_download");

    private static final List<String> TRAIN_DEFAULT_ONLY = List.of("vflip", "aug_repeats", "shuffle", "clip_grad",
            "gradient_accumulation_steps", "re_scale", "re_ratio", "re_value", "re_max_attempts", "lr_epoch_stair",
            "num_cycles", "val_interval");

    private static final Map<String, String> HINTS = Map.of(
            "dataset_download", " (nothing is downloaded: give the data with data_dir)");

    private RecipeLimits() {}

    /**
     * Checks the keys that change how images are evaluated.
     *
     * @param recipe the resolved recipe
     * @throws IllegalArgumentException naming the first unsupported key, its value and what is allowed
     */
    static void checkEvaluation(RecipeConfig recipe) {
        EVAL_CHOICES.forEach((key, allowed) -> {
            if (recipe.isGiven(key)) {
                checkChoice(recipe, key, allowed);
            }
        });
        EVAL_DEFAULT_ONLY.forEach(key -> checkDefault(recipe, key));
    }

    /**
     * Checks the keys that change how the network is trained (and evaluated during training).
     *
     * @param recipe the resolved recipe
     * @throws IllegalArgumentException naming the first unsupported key, its value and what is allowed
     */
    static void checkTraining(RecipeConfig recipe) {
        checkEvaluation(recipe);
        TRAIN_CHOICES.forEach((key, allowed) -> checkChoice(recipe, key, allowed));
        TRAIN_DEFAULT_ONLY.forEach(key -> checkDefault(recipe, key));
    }

    /** Choices are compared case-insensitively. */
    private static void checkChoice(RecipeConfig recipe, String key, List<String> allowed) {
        String value = recipe.getString(key);
        if (allowed.stream().noneMatch(value::equalsIgnoreCase)) {
            String given = recipe.isGiven(key) ? "" : " (MindCV's default; set " + key + " in the recipe)";
            throw new IllegalArgumentException("recipe key " + key + "=" + value + given + " is not supported: allowed "
                    + String.join(", ", allowed));
        }
    }

    private static void checkDefault(RecipeConfig recipe, String key) {
        Object value = recipe.get(key);
        Object fixed = RecipeKeys.find(key).orElseThrow().defaultValue();
        if (!fixed.equals(value)) {
            throw new IllegalArgumentException("recipe key " + key + "=" + value + " is not supported: only " + fixed
                    + " (MindCV's default)" + HINTS.getOrDefault(key, ""));
        }
    }
}

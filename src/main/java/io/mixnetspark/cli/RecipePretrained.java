package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.model.pretrained.PretrainedName;
import java.util.Optional;

/**
 * {@code RecipePretrained} reads which pretrained weights a recipe names: the key {@code
 * pretrained_weights} ({@code --pretrained NAME}), or MindCV's {@code pretrained: True}, which in
 * MindCV loads MindCV's weights of the recipe's {@code model} and here means {@code mindcv/MODEL}.
 */
final class RecipePretrained {

    private RecipePretrained() {}

    /**
     * Returns the pretrained name a recipe gives, checked.
     *
     * @param recipe the resolved recipe
     * @return the name, or empty when the recipe names none
     * @throws IllegalArgumentException for an unknown name, a name beside {@code ckpt_path}, or
     *     weights of another variant than the recipe's {@code model}
     */
    static Optional<String> name(RecipeConfig recipe) {
        String named = recipe.getString("pretrained_weights");
        Optional<String> name = !named.isEmpty() ? Optional.of(named)
                : recipe.getBoolean("pretrained") ? Optional.of(PretrainedName.MINDCV_PREFIX + recipe.getString("model"))
                : Optional.empty();
        if (name.isEmpty()) {
            return name;
        }
        if (!recipe.getString("ckpt_path").isEmpty()) {
            throw new IllegalArgumentException("give either ckpt_path (" + recipe.getString("ckpt_path")
                    + ") or pretrained weights (" + name.get() + "), not both");
        }
        PretrainedName parsed = PretrainedName.parse(name.get());
        String model = recipe.getString("model");
        if (parsed.variant().isPresent() && !parsed.variant().get().modelName().equals(model)) {
            throw new IllegalArgumentException("pretrained weights " + name.get() + " are "
                    + parsed.variant().get().modelName() + "'s but the recipe's model is " + model + ": add --model "
                    + parsed.variant().get().modelName());
        }
        return name;
    }
}

package io.mixnetspark.config;

/**
 * {@code RecipeKey} is one known recipe key: its MindCV name, type, default and meaning.
 *
 * @param name the key, as in MindCV's {@code config.py}
 * @param type the value's type
 * @param defaultValue the value when a recipe does not set it (converted by {@code type}); null
 *     where MindCV's default is {@code None}
 * @param help what it means
 * @param min the smallest value of an integer key ({@code Integer.MIN_VALUE} where its type alone
 *     bounds it)
 * @param max the largest value of an integer key ({@code Integer.MAX_VALUE} where its type alone
 *     bounds it)
 */
public record RecipeKey(String name, KeyType type, Object defaultValue, String help, int min, int max) {

    /**
     * A key that its type alone bounds.
     *
     * @param name the key
     * @param type the value's type
     * @param defaultValue the value when a recipe does not set it, or null
     * @param help what it means
     */
    public RecipeKey(String name, KeyType type, Object defaultValue, String help) {
        this(name, type, defaultValue, help, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Says whether a value of the key's type is within its bounds (always true but for integers).
     *
     * @param value a value {@link KeyType#convert} made
     * @return whether the key takes it
     */
    public boolean allows(Object value) {
        return !(value instanceof Integer i) || (i >= min && i <= max);
    }
}

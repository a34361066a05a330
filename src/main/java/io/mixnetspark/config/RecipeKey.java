package io.mixnetspark.config;

/**
 * {@code RecipeKey} is one known recipe key: its MindCV name, type, default and meaning.
 *
 * @param name the key, as in MindCV's {@code config.py}
 * @param type the value's type
 * @param defaultValue the value when a recipe does not set it (converted by {@code type}); null
 *     where MindCV's default is {@code None}
 * @param help what it means
 */
public record RecipeKey(String name, KeyType type, Object defaultValue, String help) {}

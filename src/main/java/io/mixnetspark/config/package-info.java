/**
 * Training and validation recipes in MindCV's YAML format ({@code conf/mixnet_s.yaml} and
 * friends): the known keys with their types and MindCV's defaults ({@link
 * io.mixnetspark.config.RecipeKeys}), and the loaded, checked and overridden recipe ({@link
 * io.mixnetspark.config.RecipeConfig}). Plain Java with snakeyaml; no Spark, no DJL, so every
 * command and the launcher can read a recipe.
 */
package io.mixnetspark.config;

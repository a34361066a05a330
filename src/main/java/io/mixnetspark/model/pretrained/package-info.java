/**
 * Pretrained weights by name: {@link io.mixnetspark.model.pretrained.PretrainedName} parses
 * {@code mixnet_s}, {@code mindcv/mixnet_s} or {@code hf://ORG/REPO[/FILE]};
 * {@link io.mixnetspark.model.pretrained.PretrainedWeights} fetches the files through
 * {@code io.mixnetspark.hub} and says which network, classes and eval preprocessing they need
 * ({@link io.mixnetspark.model.pretrained.TimmPretrainedConfig} reads timm's {@code config.json}).
 *
 * <p>Knows nothing of Spark: the driver resolves a name once, and the weights travel to the
 * executors with the model.
 */
package io.mixnetspark.model.pretrained;

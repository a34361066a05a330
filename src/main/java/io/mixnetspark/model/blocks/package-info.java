/**
 * MixNet's building blocks as DJL blocks, named after timm's modules so that weights map by name:
 * {@link io.mixnetspark.model.blocks.MixedConv2d} (MixConv and grouped 1x1 convs), {@link
 * io.mixnetspark.model.blocks.SqueezeExcite}, {@link
 * io.mixnetspark.model.blocks.DepthwiseSeparable}, {@link
 * io.mixnetspark.model.blocks.InvertedResidual} and the generic {@link
 * io.mixnetspark.model.blocks.NamedBlock} container they share.
 *
 * <p>Depends on DJL's API only (no engine classes, no Spark).
 */
package io.mixnetspark.model.blocks;

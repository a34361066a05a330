/**
 * MixNet's architecture as data: timm-style block strings per variant ({@link
 * io.mixnetspark.model.arch.MixNetVariant}), their decoding into {@link
 * io.mixnetspark.model.arch.BlockSpec} records, and the resolved per-block plan ({@link
 * io.mixnetspark.model.arch.ArchitecturePlan}) with channel widths, strides and feature sizes.
 *
 * <p>Pure Java: nothing here imports DJL or Spark. The DJL network is built from a plan by {@code
 * io.mixnetspark.model.MixNetBuilder}; the parameter and multiply-add counts are computed from the
 * plan alone.
 */
package io.mixnetspark.model.arch;

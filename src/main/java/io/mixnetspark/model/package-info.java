/**
 * The MixNet network on DJL: {@link io.mixnetspark.model.MixNet} (the block), {@link
 * io.mixnetspark.model.StateDict} (timm parameter names over the block tree) and {@link
 * io.mixnetspark.model.MixNetModel} (a ready network with weights in and out, and eval forward).
 *
 * <p>Nothing here imports Spark; the Spark stages depend on this package, never the reverse.
 */
package io.mixnetspark.model;

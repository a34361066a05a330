/**
 * Weight files without an engine: MindSpore {@code .ckpt} reading and writing ({@link
 * io.mixnetspark.model.weights.MindSporeCheckpointReader}, {@link
 * io.mixnetspark.model.weights.MindSporeCheckpointWriter}, spec section 4.3) over plain {@link
 * io.mixnetspark.model.weights.RawTensor}s, the MindCV to timm parameter-name mapping ({@link
 * io.mixnetspark.model.weights.MindCvNames}, sections 4.1, 4.2 and Appendix A) and {@link
 * io.mixnetspark.model.weights.CorruptWeightsException} for unreadable files.
 *
 * <p>Pure Java: this package must not import Spark or DJL (only the JDK, protobuf-java at wire
 * level, and Jackson), so that converters and tests can use it without native libraries. Nothing
 * read from a file is ever executed and Java serialization is never used.
 */
package io.mixnetspark.model.weights;

package io.mixnetspark.model.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Which paths a training pass sees: the self-check runs one training computation per answer. */
class FastPathTest {

    @Test
    void trainingSeesGroupedPointwiseButNotEvalOnlyPaths() {
        assertEquals(EnumSet.of(FastPath.GROUPED_POINTWISE), FastPath.seenByTraining(FastPath.defaults()));
        assertEquals(EnumSet.noneOf(FastPath.class), FastPath.seenByTraining(
                EnumSet.of(FastPath.CHANNELS_LAST, FastPath.FUSED_ACTIVATION, FastPath.PADDED_DEPTHWISE)));
    }

    @Test
    void matrixProductsCountInTrainingOnlyWhereTrainingIsChannelsLast() {
        assertEquals(EnumSet.of(FastPath.GROUPED_POINTWISE),
                FastPath.seenByTraining(EnumSet.of(FastPath.GROUPED_POINTWISE, FastPath.POINTWISE_MATMUL)));
        assertEquals(EnumSet.of(FastPath.CHANNELS_LAST_TRAINING, FastPath.POINTWISE_MATMUL),
                FastPath.seenByTraining(EnumSet.of(FastPath.CHANNELS_LAST, FastPath.CHANNELS_LAST_TRAINING,
                        FastPath.POINTWISE_MATMUL)));
    }
}

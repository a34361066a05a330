package io.mixnetspark.model.arch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code DepthScaling} scales a stage's repeat counts by a depth multiplier the way timm's {@code
 * _scale_stage_depth} does with {@code depth_trunc='round'} (spec 1.5): the stage total is rounded
 * (half to even, as Python's {@code round}), at least 1, and distributed over the stage's block
 * definitions starting from the last one.
 */
final class DepthScaling {

    private DepthScaling() {}

    static List<BlockSpec> scaleStage(List<BlockSpec> stage, double depthMultiplier) {
        if (depthMultiplier == 1.0) {
            return stage;
        }
        int remaining = stage.stream().mapToInt(BlockSpec::repeats).sum();
        int remainingScaled = (int) Math.max(1, Math.rint(remaining * depthMultiplier));
        List<BlockSpec> scaled = new ArrayList<>();
        for (int i = stage.size() - 1; i >= 0; i--) {
            BlockSpec spec = stage.get(i);
            int r = spec.repeats();
            int rs = (int) Math.max(1, Math.rint((double) r / remaining * remainingScaled));
            scaled.add(spec.withRepeats(rs));
            remaining -= r;
            remainingScaled -= rs;
        }
        Collections.reverse(scaled);
        return scaled;
    }
}

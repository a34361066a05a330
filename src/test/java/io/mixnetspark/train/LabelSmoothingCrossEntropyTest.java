package io.mixnetspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The smoothed loss against the formula evaluated by hand in double precision. */
class LabelSmoothingCrossEntropyTest {

    private static final double[][] LOGITS = {{2, 1, 0}, {0, 0, 3}, {-1, 4, 0.5}};
    private static final int[] LABELS = {0, 2, 0};

    @Test
    void matchesTheTimmFormula() {
        assertEquals(expected(0.1), computed(0.1f), 1e-6);
    }

    @Test
    void zeroSmoothingIsPlainCrossEntropy() {
        assertEquals(expected(0.0), computed(0f), 1e-6);
        // -log softmax of the true class, averaged:
        double first = -2 + Math.log(Math.exp(2) + Math.exp(1) + 1);
        double second = -3 + Math.log(2 + Math.exp(3));
        double third = 1 + Math.log(Math.exp(-1) + Math.exp(4) + Math.exp(0.5));
        assertEquals((first + second + third) / 3, computed(0f), 1e-6);
    }

    @Test
    void rejectsSmoothingOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> new LabelSmoothingCrossEntropy(1f));
        assertThrows(IllegalArgumentException.class, () -> new LabelSmoothingCrossEntropy(-0.1f));
    }

    /** (1 - eps) * nll + eps * mean over classes of -log p, averaged over the batch. */
    private static double expected(double eps) {
        double total = 0;
        for (int i = 0; i < LOGITS.length; i++) {
            double logSumExp = 0;
            for (double z : LOGITS[i]) {
                logSumExp += Math.exp(z);
            }
            logSumExp = Math.log(logSumExp);
            double nll = logSumExp - LOGITS[i][LABELS[i]];
            double meanNegLogP = 0;
            for (double z : LOGITS[i]) {
                meanNegLogP += (logSumExp - z) / LOGITS[i].length;
            }
            total += (1 - eps) * nll + eps * meanNegLogP;
        }
        return total / LOGITS.length;
    }

    private static double computed(float eps) {
        float[] flat = new float[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                flat[i * 3 + j] = (float) LOGITS[i][j];
            }
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList logits = new NDList(manager.create(flat, new Shape(3, 3)));
            NDList labels = new NDList(manager.create(LABELS));
            return new LabelSmoothingCrossEntropy(eps).evaluate(labels, logits).getFloat();
        }
    }
}

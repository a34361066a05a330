package io.mixnetspark.model.numerics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * {@code Comparison} measures how far float32 results are from their float64 reference: for each
 * pair, the largest absolute difference divided by the reference's largest magnitude (at least
 * 1e-6, for an all-zero reference), and the largest of those over the list. A correct float32
 * computation of the probes stays near 1e-6; the wrong kernels seen so far gave 1e-2 to 1.
 */
final class Comparison {

    private Comparison() {}

    /**
     * The worst relative difference over pairs of arrays.
     *
     * @param results the float32 results
     * @param references the float64 references, in the same order
     * @param perturbation added to every result first (0 except to rehearse a fault)
     * @return the largest relative difference (infinite for a NaN or a shape mismatch)
     */
    static double worst(List<NDArray> results, List<NDArray> references, float perturbation) {
        if (results.size() != references.size()) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < results.size(); i++) {
            NDArray result = results.get(i);
            NDArray reference = references.get(i);
            if (!result.getShape().equals(reference.getShape())) {
                return Double.POSITIVE_INFINITY;
            }
            try (NDArray wide = result.toType(DataType.FLOAT64, true);
                    NDArray shifted = wide.add(perturbation);
                    NDArray difference = shifted.sub(reference).abs();
                    NDArray largest = difference.max();
                    NDArray absolute = reference.abs();
                    NDArray magnitude = absolute.max()) {
                double relative = largest.getDouble() / Math.max(1e-6, magnitude.getDouble());
                worst = Double.isNaN(relative) ? Double.POSITIVE_INFINITY : Math.max(worst, relative);
            }
        }
        return worst;
    }
}

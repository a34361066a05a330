package io.mixnetspark.spark.exec;

import java.util.stream.IntStream;

/** {@code Softmax} turns logits into probabilities and ranks them, in double precision. */
final class Softmax {

    private Softmax() {}

    static double[] of(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Indices of the k largest values, largest first; ties go to the lower index. */
    static int[] topIndices(double[] values, int k) {
        return IntStream.range(0, values.length)
                .boxed()
                .sorted((a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }
}

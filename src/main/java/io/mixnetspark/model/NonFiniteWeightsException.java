package io.mixnetspark.model;

import java.util.List;

/**
 * {@code NonFiniteWeightsException} says that weights hold NaN or infinite values, naming each
 * tensor that does and how many of its values. Such weights load without complaint elsewhere and
 * make every logit NaN, so loading refuses them unless asked not to ({@code allowNonFinite}).
 */
public final class NonFiniteWeightsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param source where the weights came from (a file name)
     * @param tensors {@code key (n of m values)} per tensor with non-finite values
     */
    public NonFiniteWeightsException(String source, List<String> tensors) {
        super(message(source, tensors));
    }

    private static String message(String source, List<String> tensors) {
        StringBuilder sb = new StringBuilder("Weights in ").append(source)
                .append(" hold NaN or infinite values (refused unless allowNonFinite is set):");
        WeightsMismatchException.append(sb, "tensor(s) with non-finite values", tensors);
        return sb.toString();
    }
}

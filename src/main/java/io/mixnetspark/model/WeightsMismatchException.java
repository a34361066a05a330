package io.mixnetspark.model;

import java.util.List;

/**
 * {@code WeightsMismatchException} says that a weights file does not fit the network: it lists
 * every missing, unexpected and wrongly shaped tensor, so one run shows the whole problem.
 */
public final class WeightsMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;
    private final List<String> unexpected;
    private final List<String> wrongShape;

    /**
     * Creates the exception.
     *
     * @param source where the weights came from (a file name)
     * @param missing keys the network needs and the file lacks
     * @param unexpected keys the file has and the network does not know
     * @param wrongShape {@code key: file shape vs network shape} lines
     */
    public WeightsMismatchException(
            String source, List<String> missing, List<String> unexpected, List<String> wrongShape) {
        super(message(source, missing, unexpected, wrongShape));
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.wrongShape = List.copyOf(wrongShape);
    }

    private static String message(
            String source, List<String> missing, List<String> unexpected, List<String> wrongShape) {
        StringBuilder sb = new StringBuilder("Weights in ").append(source).append(" do not match the network:");
        append(sb, "missing", missing);
        append(sb, "unexpected", unexpected);
        append(sb, "wrong shape", wrongShape);
        return sb.toString();
    }

    /** Appends a count, what the keys are and the first 20 of them on a line of their own. */
    static void append(StringBuilder sb, String what, List<String> keys) {
        if (!keys.isEmpty()) {
            sb.append("\n  ").append(keys.size()).append(' ').append(what).append(": ");
            sb.append(String.join(", ", keys.subList(0, Math.min(keys.size(), 20))));
            if (keys.size() > 20) {
                sb.append(", ... (").append(keys.size() - 20).append(" more)");
            }
        }
    }

    /**
     * Returns the keys the network needs and the file lacks.
     *
     * @return missing keys
     */
    public List<String> missing() {
        return missing;
    }

    /**
     * Returns the keys the file has and the network does not know.
     *
     * @return unexpected keys
     */
    public List<String> unexpected() {
        return unexpected;
    }

    /**
     * Returns the wrongly shaped tensors, one {@code key: file vs network} line each.
     *
     * @return shape mismatches
     */
    public List<String> wrongShape() {
        return wrongShape;
    }
}

package io.mixnetspark.model.arch;

import java.util.Locale;

/**
 * {@code Activation} names the non-linearities MixNet uses: ReLU (stem, head, stages 0-1) and
 * Swish/SiLU ({@code x * sigmoid(x)}, stages 2-5). See spec section 1.9.
 */
public enum Activation {
    /** Rectified linear unit, {@code max(x, 0)}. */
    RELU,
    /** Swish / SiLU, {@code x * sigmoid(x)}. */
    SWISH;

    /**
     * Parses a name as written on the command line or in timm block strings ({@code relu}, {@code
     * re}, {@code swish}, {@code sw}, {@code silu}).
     *
     * @param name the name, case-insensitive
     * @return the activation
     * @throws IllegalArgumentException naming the allowed values for anything else
     */
    public static Activation parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "relu":
            case "re":
                return RELU;
            case "swish":
            case "sw":
            case "silu":
                return SWISH;
            default:
                throw new IllegalArgumentException(
                        "Unknown activation '" + name + "': allowed values are relu, swish");
        }
    }
}

package io.mixnetspark.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code KeyType} is the type of a recipe value, as YAML gives it: the check that a loaded value
 * has the type, and its name for error messages.
 */
public enum KeyType {
    /** A whole number that fits Java's {@code int}; larger ones are refused, not wrapped. */
    INTEGER("an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE),
    /** Any number (an integer is accepted and widened). */
    NUMBER("a number"),
    /** {@code True} or {@code False}. */
    BOOLEAN("a boolean (True or False)"),
    /** Text. */
    STRING("a string"),
    /** A list of numbers, e.g. {@code [0.08, 1.0]}. */
    NUMBER_LIST("a list of numbers");

    private final String description;

    KeyType(String description) {
        this.description = description;
    }

    /**
     * Returns how messages name the type, e.g. "an integer".
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Converts a value YAML produced to this type's Java form: {@code Integer}, {@code Double},
     * {@code Boolean}, {@code String} or an unmodifiable {@code List<Double>}.
     *
     * @param value the value (not null)
     * @return the converted value, or null when the value does not have this type
     */
    Object convert(Object value) {
        return switch (this) {
            case INTEGER -> value instanceof Integer ? value
                    : value instanceof Long l && l == l.intValue() ? Integer.valueOf(l.intValue()) : null;
            case NUMBER -> value instanceof Number n && !(value instanceof java.math.BigInteger) ? n.doubleValue() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case STRING -> value instanceof String ? value : null;
            case NUMBER_LIST -> numbers(value);
        };
    }

    private static List<Double> numbers(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<Double> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Number n)) {
                return null;
            }
            out.add(n.doubleValue());
        }
        return List.copyOf(out);
    }
}

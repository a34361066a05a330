package io.mixnetspark.data.layout;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code CorruptShardPolicy} is what a read does with a damaged shard (a TFRecord with a bad
 * length or checksum, a tar member declaring more bytes than the file holds, a broken Parquet
 * footer...).
 */
public enum CorruptShardPolicy {

    /**
     * Every record readable before the damage is read; the damage becomes one error row naming the
     * file, the record and the offset; the run goes on with the next shard (and with later records
     * of the same shard where the format allows resynchronising). The default: in a lake of
     * thousands of shards one bad shard must not cost the run.
     */
    ERROR_ROWS("error-rows"),

    /** The read fails at the damage (for pipelines that must not go on past it). */
    FAIL("fail");

    private final String optionName;

    CorruptShardPolicy(String optionName) {
        this.optionName = optionName;
    }

    /**
     * Returns the name used in options and recipes.
     *
     * @return {@code error-rows} or {@code fail}
     */
    public String optionName() {
        return optionName;
    }

    /**
     * Parses an option value.
     *
     * @param value {@code error-rows} or {@code fail} (case-insensitive)
     * @return the policy
     * @throws IllegalArgumentException naming the allowed values
     */
    public static CorruptShardPolicy parse(String value) {
        for (CorruptShardPolicy p : values()) {
            if (p.optionName.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("onCorruptShard must be one of " + allowedNames() + ", got "
                + value);
    }

    /**
     * Lists the option names.
     *
     * @return e.g. {@code error-rows, fail}
     */
    public static String allowedNames() {
        return Arrays.stream(values()).map(CorruptShardPolicy::optionName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return optionName.toLowerCase(Locale.ROOT);
    }
}

package io.mixnetspark.spark.sql;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * {@code SqlLabelingSettings} are the {@code spark.mixnet.*} settings the SQL labeling functions
 * read from the session (set with {@code --conf}, {@code SET} or the session builder):
 *
 * <ul>
 *   <li>{@code spark.mixnet.model}: a pretrained name ({@code mixnet_s}, {@code mindcv/mixnet_s},
 *       {@code hf://ORG/REPO}), a weights file ({@code .safetensors} or MindCV {@code .ckpt}, with
 *       ImageNet's classes) or a saved model folder; default {@code mixnet_s};
 *   <li>{@code spark.mixnet.variant}: the network of a weights file ({@code mixnet_s}, {@code
 *       mixnet_m}, {@code mixnet_l}); default {@code mixnet_s};
 *   <li>{@code spark.mixnet.topK}: the classes {@code mixnet_topk} lists when the call gives no
 *       {@code k}; default 5;
 *   <li>{@code spark.mixnet.batchSize}, {@code spark.mixnet.device}, {@code
 *       spark.mixnet.decodeThreads}: as the labeling stage's params of the same names (the model's
 *       own values when unset).
 * </ul>
 *
 * A {@code spark.mixnet.*} key other than these fails the query, naming the allowed keys.
 *
 * @param model the default model
 * @param variant the network of a weights file
 * @param topK the default k
 * @param stageParams the settings applied to the labeling stage's params, by param name
 */
public record SqlLabelingSettings(String model, String variant, int topK, Map<String, String> stageParams) {

    /** The prefix of every setting. */
    public static final String PREFIX = "spark.mixnet.";

    private static final String MODEL = "model";
    private static final String VARIANT = "variant";
    private static final String TOP_K = "topK";
    private static final java.util.List<String> STAGE_PARAMS = java.util.List.of("batchSize", "device", "decodeThreads");

    /**
     * Reads the settings of a session.
     *
     * @param spark the session
     * @return the settings
     * @throws IllegalArgumentException for an unknown key or a {@code topK} that is not a positive integer
     */
    public static SqlLabelingSettings of(SparkSession spark) {
        Map<String, String> given = new TreeMap<>();
        scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()).forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                given.put(key.substring(PREFIX.length()), value);
            }
        });
        Map<String, String> stage = new TreeMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (STAGE_PARAMS.contains(e.getKey())) {
                stage.put(e.getKey(), e.getValue());
            } else if (!e.getKey().equals(MODEL) && !e.getKey().equals(VARIANT) && !e.getKey().equals(TOP_K)) {
                throw new IllegalArgumentException("Unknown setting " + PREFIX + e.getKey() + "; allowed are "
                        + PREFIX + String.join(", " + PREFIX, allowed()));
            }
        }
        return new SqlLabelingSettings(given.getOrDefault(MODEL, "mixnet_s"), given.getOrDefault(VARIANT, "mixnet_s"),
                positive(given.getOrDefault(TOP_K, "5")), stage);
    }

    private static java.util.List<String> allowed() {
        java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of(MODEL, VARIANT, TOP_K));
        keys.addAll(STAGE_PARAMS);
        return keys;
    }

    private static int positive(String value) {
        try {
            int k = Integer.parseInt(value.trim());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException(PREFIX + TOP_K + "=" + value + " must be an integer >= 1");
    }
}

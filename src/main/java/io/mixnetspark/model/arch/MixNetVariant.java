package io.mixnetspark.model.arch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code MixNetVariant} holds the architecture tables of MixNet-S, -M and -L in timm's block-string
 * notation, one list of strings per stage, exactly as {@code _gen_mixnet_s} and {@code
 * _gen_mixnet_m} in timm's {@code efficientnet.py} write them (spec sections 1.3-1.5).
 *
 * <p>MixNet-L is MixNet-M's table at width multiplier 1.3. Stem and head use ReLU; {@code nsw}
 * marks Swish blocks.
 */
public enum MixNetVariant {
    /** MixNet-S: 16 blocks, stem 16, 4,134,606 parameters at 1000 classes. */
    MIXNET_S(
            "mixnet_s",
            16,
            1.0,
            0.2f,
            List.of(
                    // stage 0, 112x112 in, ReLU
                    List.of("ds_r1_k3_s1_e1_c16"),
                    // stage 1, 112x112 in, ReLU
                    List.of("ir_r1_k3_a1.1_p1.1_s2_e6_c24", "ir_r1_k3_a1.1_p1.1_s1_e3_c24"),
                    // stage 2, 56x56 in, Swish
                    List.of("ir_r1_k3.5.7_s2_e6_c40_se0.5_nsw", "ir_r3_k3.5_a1.1_p1.1_s1_e6_c40_se0.5_nsw"),
                    // stage 3, 28x28 in, Swish
                    List.of("ir_r1_k3.5.7_p1.1_s2_e6_c80_se0.25_nsw", "ir_r2_k3.5_p1.1_s1_e6_c80_se0.25_nsw"),
                    // stage 4, 14x14 in, Swish
                    List.of(
                            "ir_r1_k3.5.7_a1.1_p1.1_s1_e6_c120_se0.5_nsw",
                            "ir_r2_k3.5.7.9_a1.1_p1.1_s1_e3_c120_se0.5_nsw"),
                    // stage 5, 14x14 in, Swish
                    List.of("ir_r1_k3.5.7.9.11_s2_e6_c200_se0.5_nsw", "ir_r2_k3.5.7.9_p1.1_s1_e6_c200_se0.5_nsw"))),
    /** MixNet-M: 19 blocks, stem 24, 5,014,382 parameters at 1000 classes. */
    MIXNET_M("mixnet_m", 24, 1.0, 0.25f, MixNetTables.MEDIUM),
    /** MixNet-L: MixNet-M at width 1.3, 7,329,252 parameters at 1000 classes. */
    MIXNET_L("mixnet_l", 24, 1.3, 0.25f, MixNetTables.MEDIUM);

    /** Head width; not scaled by the width multiplier (spec 1.1). */
    public static final int HEAD_CHANNELS = 1536;

    private final String modelName;
    private final int stemChannels;
    private final double widthMultiplier;
    private final float dropRate;
    private final List<List<String>> stages;

    MixNetVariant(
            String modelName,
            int stemChannels,
            double widthMultiplier,
            float dropRate,
            List<List<String>> stages) {
        this.modelName = modelName;
        this.stemChannels = stemChannels;
        this.widthMultiplier = widthMultiplier;
        this.dropRate = dropRate;
        this.stages = stages;
    }

    /**
     * Returns the timm/MindCV model name, e.g. {@code mixnet_s}.
     *
     * @return the model name
     */
    public String modelName() {
        return modelName;
    }

    /**
     * Returns the stem width before width scaling.
     *
     * @return stem channels
     */
    public int stemChannels() {
        return stemChannels;
    }

    /**
     * Returns the variant's own width multiplier (1.3 for L).
     *
     * @return the width multiplier
     */
    public double widthMultiplier() {
        return widthMultiplier;
    }

    /**
     * Returns the classifier dropout of the TF reference definition (S 0.2, M/L 0.25; spec 1.13).
     *
     * @return the dropout rate
     */
    public float defaultDropRate() {
        return dropRate;
    }

    /**
     * Returns the block strings, one list per stage.
     *
     * @return the stage table
     */
    public List<List<String>> stages() {
        return stages;
    }

    /**
     * Looks a variant up by its model name ({@code mixnet_s}, {@code mixnet_m}, {@code mixnet_l}).
     *
     * @param name the model name, case-insensitive
     * @return the variant
     * @throws IllegalArgumentException listing the known names
     */
    public static MixNetVariant fromName(String name) {
        for (MixNetVariant v : values()) {
            if (v.modelName.equalsIgnoreCase(name.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "Unknown MixNet variant '" + name + "': allowed values are " + names());
    }

    /**
     * Returns the known model names, comma-separated.
     *
     * @return e.g. {@code mixnet_s, mixnet_m, mixnet_l}
     */
    public static String names() {
        return Arrays.stream(values()).map(MixNetVariant::modelName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return modelName.toLowerCase(Locale.ROOT);
    }

    /** Tables shared by more than one variant. */
    private static final class MixNetTables {
        static final List<List<String>> MEDIUM =
                List.of(
                        // stage 0, 112x112 in, ReLU
                        List.of("ds_r1_k3_s1_e1_c24"),
                        // stage 1, 112x112 in, ReLU
                        List.of("ir_r1_k3.5.7_a1.1_p1.1_s2_e6_c32", "ir_r1_k3_a1.1_p1.1_s1_e3_c32"),
                        // stage 2, 56x56 in, Swish
                        List.of("ir_r1_k3.5.7.9_s2_e6_c40_se0.5_nsw", "ir_r3_k3.5_a1.1_p1.1_s1_e6_c40_se0.5_nsw"),
                        // stage 3, 28x28 in, Swish
                        List.of("ir_r1_k3.5.7_s2_e6_c80_se0.25_nsw", "ir_r3_k3.5.7.9_a1.1_p1.1_s1_e6_c80_se0.25_nsw"),
                        // stage 4, 14x14 in, Swish
                        List.of("ir_r1_k3_s1_e6_c120_se0.5_nsw", "ir_r3_k3.5.7.9_a1.1_p1.1_s1_e3_c120_se0.5_nsw"),
                        // stage 5, 14x14 in, Swish
                        List.of("ir_r1_k3.5.7.9_s2_e6_c200_se0.5_nsw", "ir_r3_k3.5.7.9_p1.1_s1_e6_c200_se0.5_nsw"));

        private MixNetTables() {}
    }
}

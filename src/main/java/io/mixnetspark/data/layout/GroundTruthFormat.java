package io.mixnetspark.data.layout;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GroundTruthFormat} names the formats of an ImageNet validation ground-truth file, for a
 * flat folder of {@code ILSVRC2012_val_%08d.JPEG} images (spec section 5.2).
 */
public enum GroundTruthFormat {
    /**
     * 50,000 lines, line {@code i} (from 1) the wnid of {@code ILSVRC2012_val_%08d} with that
     * number (TF's {@code imagenet_2012_validation_synset_labels.txt}).
     */
    SYNSETS,
    /**
     * The devkit's {@code ILSVRC2012_validation_ground_truth.txt}: line {@code i} the devkit class
     * id (1..1000) of image {@code i}; needs the devkit's id-to-wnid mapping ({@link
     * DevkitSynsets}).
     */
    DEVKIT,
    /**
     * Kaggle's {@code LOC_val_solution.csv}: header {@code ImageId,PredictionString}, the class the
     * first token of the prediction string; rows in any order.
     */
    KAGGLE;

    private static final Pattern WNID_LINE = Pattern.compile("n\\d{8}(\\s.*)?");
    private static final Pattern ID_LINE = Pattern.compile("\\d+");

    /**
     * Returns the format's name as users write it.
     *
     * @return the lower-case name
     */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a format name ({@code synsets}, {@code devkit}, {@code kaggle}), ignoring case.
     *
     * @param name the name
     * @return the format
     * @throws IllegalArgumentException naming the allowed values
     */
    public static GroundTruthFormat parse(String name) {
        for (GroundTruthFormat format : values()) {
            if (format.optionName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown ground truth format '" + name + "'; allowed values: "
                + Arrays.stream(values()).map(GroundTruthFormat::optionName).collect(Collectors.joining("|")));
    }

    /**
     * Recognises the format from a file's first line: a CSV header starting {@code ImageId} is
     * Kaggle's, a wnid is the synset list, a bare integer is the devkit's.
     *
     * @param firstLine the first line of the file
     * @param source the file's path, for the message
     * @return the format
     * @throws IllegalArgumentException when the line fits none of them
     */
    public static GroundTruthFormat detect(String firstLine, String source) {
        String line = firstLine == null ? "" : firstLine.strip();
        if (line.startsWith("ImageId")) {
            return KAGGLE;
        }
        if (WNID_LINE.matcher(line).matches()) {
            return SYNSETS;
        }
        if (ID_LINE.matcher(line).matches()) {
            return DEVKIT;
        }
        throw new IllegalArgumentException("cannot tell the ground truth format of " + source + " from its first line '"
                + line + "'; set it explicitly (synsets|devkit|kaggle)");
    }
}

package io.mixnetspark.data.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ValidationGroundTruth} gives the class id (wnid) of each image of a flat ImageNet
 * validation folder, keyed by the image's key (its file stem, {@code ILSVRC2012_val_00000001}).
 * It reads the three formats of {@link GroundTruthFormat}; for the line-numbered ones, line
 * {@code i} (from 1) belongs to {@code ILSVRC2012_val_%08d} numbered {@code i}.
 *
 * <p>Built on the driver while planning a read; it holds one entry per image (50,000 for
 * ImageNet).
 */
public final class ValidationGroundTruth {

    private static final Pattern WNID = Pattern.compile("n\\d{8}");

    private final Map<String, String> wnidByKey;

    private ValidationGroundTruth(Map<String, String> wnidByKey) {
        this.wnidByKey = wnidByKey;
    }

    /**
     * Reads a ground-truth file.
     *
     * @param in the file, UTF-8
     * @param source the file's path, for messages
     * @param format the format, or {@code null} to recognise it from the first line ({@link
     *     GroundTruthFormat#detect})
     * @param devkitIds wnid by devkit class id ({@link DevkitSynsets}); required for {@link
     *     GroundTruthFormat#DEVKIT}, ignored otherwise
     * @return the ground truth
     * @throws CorruptShardException naming the file and line that does not fit the format
     * @throws IllegalArgumentException when the format cannot be recognised, or the devkit format
     *     is given without {@code devkitIds}
     * @throws IOException when reading fails
     */
    public static ValidationGroundTruth read(InputStream in, String source, GroundTruthFormat format,
            Map<Integer, String> devkitIds) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\\R");
        GroundTruthFormat resolved = format != null ? format : GroundTruthFormat.detect(lines[0], source);
        if (resolved == GroundTruthFormat.DEVKIT && devkitIds == null) {
            throw new IllegalArgumentException("the devkit ground truth " + source
                    + " numbers classes by devkit id; give the devkit's meta.mat or an id-to-wnid mapping too");
        }
        Map<String, String> wnidByKey = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (resolved == GroundTruthFormat.KAGGLE && i == 0)) {
                continue;
            }
            String[] entry = switch (resolved) {
                case SYNSETS -> new String[] {validationKey(i + 1), wnid(line.split("\\s+")[0], source, i)};
                case DEVKIT -> new String[] {validationKey(i + 1), devkitWnid(line, devkitIds, source, i)};
                case KAGGLE -> kaggleEntry(line, source, i);
            };
            if (wnidByKey.put(entry[0], entry[1]) != null) {
                throw corrupt(source, i, "image " + entry[0] + " listed twice");
            }
        }
        return new ValidationGroundTruth(wnidByKey);
    }

    /**
     * Returns the class id of an image.
     *
     * @param key the image's key (file stem)
     * @return its wnid, or {@code null} when the file does not list it
     */
    public String wnidOf(String key) {
        return wnidByKey.get(key);
    }

    /**
     * Returns how many images the file lists.
     *
     * @return the entry count
     */
    public int size() {
        return wnidByKey.size();
    }

    /**
     * Returns the key of ImageNet validation image {@code number}.
     *
     * @param number the image number, from 1
     * @return {@code ILSVRC2012_val_%08d}
     */
    public static String validationKey(int number) {
        return String.format(Locale.ROOT, "ILSVRC2012_val_%08d", number);
    }

    private static String devkitWnid(String line, Map<Integer, String> devkitIds, String source, int index)
            throws CorruptShardException {
        if (!DevkitSynsets.ID.matcher(line).matches()) {
            throw corrupt(source, index, "expected a devkit class id (" + DevkitSynsets.ID_RULE + "), found '"
                    + line + "'");
        }
        String wnid = devkitIds.get(Integer.parseInt(line));
        if (wnid == null) {
            throw corrupt(source, index, "devkit class id " + line + " is not in the id-to-wnid mapping");
        }
        return wnid;
    }

    private static String[] kaggleEntry(String line, String source, int index) throws CorruptShardException {
        int comma = line.indexOf(',');
        if (comma <= 0) {
            throw corrupt(source, index, "expected 'ImageId,PredictionString', found '" + line + "'");
        }
        String prediction = line.substring(comma + 1).strip();
        return new String[] {line.substring(0, comma).strip(), wnid(prediction.split("\\s+")[0], source, index)};
    }

    private static String wnid(String token, String source, int index) throws CorruptShardException {
        if (!WNID.matcher(token).matches()) {
            throw corrupt(source, index, "expected a wnid (n + 8 digits), found '" + token + "'");
        }
        return token;
    }

    private static CorruptShardException corrupt(String source, int index, String problem) {
        return new CorruptShardException("ground truth " + source + " line " + (index + 1) + ": " + problem);
    }
}

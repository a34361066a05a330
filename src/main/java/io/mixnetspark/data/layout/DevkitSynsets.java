package io.mixnetspark.data.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code DevkitSynsets} maps the ILSVRC2012 devkit's class ids ({@code ILSVRC2012_ID}, 1..1000)
 * to wnids. The devkit numbers classes in its own order, which is <em>not</em> the sorted-wnid
 * order of the class index (ID 1 is {@code n02119789}, kit fox; spec section 5.2), so its
 * validation ground truth must go ID, then wnid, then class index.
 *
 * <p>Two sources are read:
 *
 * <ul>
 *   <li>the devkit's {@code data/meta.mat} ({@link #fromMetaMat}): the struct array {@code
 *       synsets} with fields {@code ILSVRC2012_ID}, {@code WNID} and {@code num_children}; the
 *       classes are the entries with {@code num_children == 0} (as torchvision's {@code
 *       parse_meta_mat} does);
 *   <li>a text mapping ({@link #fromText}): one class per line with a wnid and an integer id in
 *       either order, e.g. the CLS-LOC devkit's {@code map_clsloc.txt} ({@code n02119789 1
 *       kit_fox}). That the two agree is widely assumed but unconfirmed (spec section 5.2);
 *       {@code meta.mat} is the authority.
 * </ul>
 */
public final class DevkitSynsets {

    private static final Pattern WNID = Pattern.compile("n\\d{8}");
    /** A devkit class id as text: a whole number of at most nine digits, so it always fits an int. */
    static final Pattern ID = Pattern.compile("\\d{1,9}");

    /** How {@link #ID} is described in messages. */
    static final String ID_RULE = "a whole number of at most 9 digits";

    private DevkitSynsets() {}

    /**
     * Reads the id-to-wnid mapping from the devkit's {@code meta.mat}.
     *
     * @param in the MAT-file's bytes
     * @param source the file's path, for messages
     * @return wnid by devkit id, sorted by id
     * @throws CorruptShardException when the file has no usable {@code synsets} struct array
     * @throws IOException when reading fails
     */
    public static Map<Integer, String> fromMetaMat(InputStream in, String source) throws IOException {
        MatFile.Value synsets = MatFile.read(in, source).get("synsets");
        if (!(synsets instanceof MatFile.Struct struct)) {
            throw new CorruptShardException(source + ": no struct array 'synsets' (not an ILSVRC devkit meta.mat)");
        }
        Map<Integer, String> byId = new TreeMap<>();
        for (Map<String, MatFile.Value> synset : struct.elements()) {
            if (!(synset.get("ILSVRC2012_ID") instanceof MatFile.Numeric id) || id.values().length != 1
                    || !(synset.get("WNID") instanceof MatFile.Chars wnid)) {
                throw new CorruptShardException(source + ": a synsets entry lacks ILSVRC2012_ID or WNID");
            }
            double value = id.values()[0];
            if (!(value >= 0 && value <= Integer.MAX_VALUE && value == Math.rint(value))) {
                throw new CorruptShardException(source + ": synsets field ILSVRC2012_ID is " + value
                        + ", not a whole number from 0 to " + Integer.MAX_VALUE);
            }
            if (synset.get("num_children") instanceof MatFile.Numeric children
                    && children.values().length == 1 && children.values()[0] != 0) {
                continue;
            }
            byId.put((int) value, wnid.text().strip());
        }
        return checked(byId, source);
    }

    /**
     * Reads the id-to-wnid mapping from text: each non-empty line holds a wnid ({@code n} and
     * eight digits) and an integer id as its first two whitespace-separated tokens, in either
     * order; further tokens (class names) are ignored.
     *
     * @param in the text, UTF-8
     * @param source the file's path, for messages
     * @return wnid by devkit id, sorted by id
     * @throws CorruptShardException naming the first line that does not fit
     * @throws IOException when reading fails
     */
    public static Map<Integer, String> fromText(InputStream in, String source) throws IOException {
        Map<Integer, String> byId = new TreeMap<>();
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String[] tokens = lines[i].strip().split("\\s+");
            if (tokens.length == 1 && tokens[0].isEmpty()) {
                continue;
            }
            int wnidAt = tokens.length >= 2 && WNID.matcher(tokens[0]).matches() && ID.matcher(tokens[1]).matches() ? 0
                    : tokens.length >= 2 && ID.matcher(tokens[0]).matches() && WNID.matcher(tokens[1]).matches() ? 1
                    : -1;
            if (wnidAt < 0) {
                throw new CorruptShardException(source + " line " + (i + 1) + ": expected a wnid and an id ("
                        + ID_RULE + "), found '" + lines[i].strip() + "'");
            }
            if (byId.put(Integer.parseInt(tokens[1 - wnidAt]), tokens[wnidAt]) != null) {
                throw new CorruptShardException(source + " line " + (i + 1) + ": id " + tokens[1 - wnidAt] + " repeated");
            }
        }
        return checked(byId, source);
    }

    private static Map<Integer, String> checked(Map<Integer, String> byId, String source) throws CorruptShardException {
        if (byId.isEmpty()) {
            throw new CorruptShardException(source + ": no classes found");
        }
        return Collections.unmodifiableMap(byId);
    }
}

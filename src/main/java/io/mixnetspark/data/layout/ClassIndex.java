package io.mixnetspark.data.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code ClassIndex} maps class ids (ImageNet wnids) to 0-based class indices and back.
 *
 * <p>Every pretrained ImageNet model in this project uses the 1000 wnids sorted lexicographically
 * (index 0 = {@code n01440764}, spec section 5.2); {@link #imagenet()} is that index. A dataset
 * with its own classes uses {@link #sorted(Collection)} (torchvision's ImageFolder rule: sorted
 * folder names) or a class list file read by {@link #fromText(InputStream)}.
 *
 * <p>Immutable and serializable: it is built on the Spark driver and shipped to executors.
 */
public final class ClassIndex implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The name that selects {@link #imagenet()} in {@link #load}. */
    public static final String IMAGENET = "imagenet";

    private static final String IMAGENET_RESOURCE = "/io/mixnetspark/imagenet/classes.json";

    private final List<String> wnids;
    private final Map<String, Integer> positions;

    private ClassIndex(List<String> wnids) {
        if (wnids.isEmpty()) {
            throw new IllegalArgumentException("a class index needs at least one class");
        }
        this.wnids = List.copyOf(wnids);
        this.positions = new HashMap<>();
        for (int i = 0; i < this.wnids.size(); i++) {
            if (positions.putIfAbsent(this.wnids.get(i), i) != null) {
                throw new IllegalArgumentException("class '" + this.wnids.get(i) + "' is listed twice");
            }
        }
    }

    /**
     * The ILSVRC2012 index shipped with the project: 1000 wnids in sorted order.
     *
     * @return the ImageNet-1k class index
     */
    public static ClassIndex imagenet() {
        try (InputStream in = ClassIndex.class.getResourceAsStream(IMAGENET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + IMAGENET_RESOURCE + " is missing");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                ids.add(entry.get(0).asText());
            }
            return new ClassIndex(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + IMAGENET_RESOURCE, e);
        }
    }

    /**
     * Builds the index of the given class ids in sorted order, duplicates dropped (the
     * ImageFolder rule).
     *
     * @param classIds class ids in any order
     * @return the sorted index
     */
    public static ClassIndex sorted(Collection<String> classIds) {
        return new ClassIndex(new ArrayList<>(new TreeSet<>(classIds)));
    }

    /**
     * Reads a class list: one class per non-empty line, the class id being the line's first
     * whitespace-separated token; line order is index order. This reads {@code synset.txt} ({@code
     * n01440764 tench, Tinca tinca}) and Kaggle's {@code LOC_synset_mapping.txt}, both sorted.
     *
     * @param in the text, UTF-8
     * @return the index
     * @throws IOException when reading fails
     * @throws IllegalArgumentException when the list is empty or has a duplicate
     */
    public static ClassIndex fromText(InputStream in) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                ids.add(trimmed.split("\\s+", 2)[0]);
            }
        }
        return new ClassIndex(ids);
    }

    /**
     * Resolves a class index named by a user: {@value #IMAGENET} for {@link #imagenet()}, or the
     * path of a class list file read with {@link #fromText(InputStream)} through Hadoop's {@code
     * FileSystem}.
     *
     * @param conf the Hadoop configuration
     * @param spec {@code imagenet} or a path
     * @return the index
     * @throws IOException when the file cannot be read
     */
    public static ClassIndex load(Configuration conf, String spec) throws IOException {
        if (IMAGENET.equalsIgnoreCase(spec)) {
            return imagenet();
        }
        Path path = new Path(spec);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return fromText(in);
        }
    }

    /**
     * Returns the number of classes.
     *
     * @return the class count
     */
    public int size() {
        return wnids.size();
    }

    /**
     * Returns the class ids in index order.
     *
     * @return an unmodifiable list
     */
    public List<String> wnids() {
        return wnids;
    }

    /**
     * Returns the index of a class id.
     *
     * @param wnid the class id
     * @return its index, or {@link ImageRecord#NO_LABEL} when the class is not in this index
     */
    public int indexOf(String wnid) {
        Integer position = wnid == null ? null : positions.get(wnid);
        return position == null ? ImageRecord.NO_LABEL : position;
    }

    /**
     * Returns the class id at an index.
     *
     * @param label the index
     * @return the class id, or {@code null} when the index is outside this class index
     */
    public String wnidOf(int label) {
        return label >= 0 && label < wnids.size() ? wnids.get(label) : null;
    }

    /**
     * Builds a record, filling whichever of label and class id the source lacks from this index.
     * A label the source states is kept even when its class id disagrees with this index: the
     * data wins over the index.
     *
     * @param key the sample key
     * @param label the label stored with the sample, or {@link ImageRecord#NO_LABEL}
     * @param wnid the class id stored with the sample, or {@code null}
     * @param image the encoded image
     * @param source where the sample was read from
     * @return the record
     */
    public ImageRecord record(String key, int label, String wnid, byte[] image, String source) {
        int resolvedLabel = label != ImageRecord.NO_LABEL ? label : indexOf(wnid);
        String resolvedWnid = wnid != null ? wnid : wnidOf(resolvedLabel);
        return new ImageRecord(key, resolvedLabel, resolvedWnid, image, source);
    }
}

package io.mixnetspark.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ClassNames} maps a classifier's output index to a class id (an ImageNet wnid, or any
 * label) and a readable name. The default is the ILSVRC2012 index shipped with the project (1000
 * classes sorted by wnid, spec section 5.2).
 *
 * @param ids class id per index (e.g. {@code n01440764})
 * @param names readable name per index (e.g. {@code tench})
 */
public record ClassNames(List<String> ids, List<String> names) implements Serializable {

    private static final String IMAGENET = "/io/mixnetspark/imagenet/classes.json";

    /** Validates that ids and names pair up. */
    public ClassNames {
        if (ids.size() != names.size() || ids.isEmpty()) {
            throw new IllegalArgumentException(
                    "class ids and names must be non-empty and pair up: " + ids.size() + " ids, "
                            + names.size() + " names");
        }
        ids = List.copyOf(ids);
        names = List.copyOf(names);
    }

    /**
     * Returns the number of classes.
     *
     * @return class count
     */
    public int size() {
        return ids.size();
    }

    /**
     * The ImageNet-1k index shipped with the project.
     *
     * @return 1000 classes in sorted-wnid order
     */
    public static ClassNames imagenet() {
        try (InputStream in = ClassNames.class.getResourceAsStream(IMAGENET)) {
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled ImageNet class index", e);
        }
    }

    /**
     * Reads a JSON array of {@code [id, name, ...]} entries (the format of the shared {@code
     * classes.json}).
     *
     * @param in the JSON stream
     * @return the class names
     * @throws IOException when the stream is not such an array
     */
    public static ClassNames fromJson(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode entry : root) {
            ids.add(entry.get(0).asText());
            names.add(entry.size() > 1 ? entry.get(1).asText() : entry.get(0).asText());
        }
        return new ClassNames(ids, names);
    }
}

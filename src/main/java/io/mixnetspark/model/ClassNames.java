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
            return fromJson(in, IMAGENET);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled ImageNet class index", e);
        }
    }

    /**
     * Reads a JSON array of {@code [id, name, ...]} entries (the format of the shared {@code
     * classes.json}); an entry {@code [id]} names the class by its id. Ids and names are strings or
     * numbers.
     *
     * @param in the JSON stream
     * @param source the file's path, for messages
     * @return the class names
     * @throws IOException when the stream is not such an array, naming the file and the entry
     */
    public static ClassNames fromJson(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IOException(source + ": expected a non-empty JSON array of [id, name] entries");
        }
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            if (!entry.isArray() || entry.isEmpty() || !isScalar(entry.get(0))
                    || (entry.size() > 1 && !isScalar(entry.get(1)))) {
                throw new IOException(source + ": entry " + i + " is not [id, name] with a string or number each");
            }
            ids.add(entry.get(0).asText());
            names.add(entry.get(entry.size() > 1 ? 1 : 0).asText());
        }
        return new ClassNames(ids, names);
    }

    private static boolean isScalar(JsonNode value) {
        return value.isTextual() || value.isNumber();
    }
}

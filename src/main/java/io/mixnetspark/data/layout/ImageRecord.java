package io.mixnetspark.data.layout;

import java.util.Objects;

/**
 * {@code ImageRecord} is one labelled image as every layout reader returns it: the row that the
 * {@code mixnet-images} data source turns into {@code (key, label, wnid, image, source)}.
 *
 * <p>The image is kept encoded (JPEG, PNG or WebP bytes as stored); decoding is left to whoever
 * consumes the record. The byte array is shared, not copied: callers must not modify it; record
 * equality compares it by identity, not content.
 *
 * @param key the sample key, unique within a dataset (for ImageNet the file stem, e.g. {@code
 *     n01440764_10026} or {@code ILSVRC2012_val_00000001})
 * @param label the class index (0-based, in the order of a {@link ClassIndex}), or {@link
 *     #NO_LABEL} when unknown
 * @param wnid the class id (an ImageNet WordNet id such as {@code n01440764}), or {@code null} when
 *     unknown
 * @param image the encoded image bytes
 * @param source where the record was read from: the image file, or the shard file
 */
public record ImageRecord(String key, int label, String wnid, byte[] image, String source) {

    /** The label of a record whose class is unknown (an unlabelled test image). */
    public static final int NO_LABEL = -1;

    /** Checks the required fields. */
    public ImageRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(source, "source");
        if (label < NO_LABEL) {
            throw new IllegalArgumentException("label must be >= 0 or NO_LABEL (-1), got " + label);
        }
    }

    /**
     * Says whether the record has a class index.
     *
     * @return {@code true} when {@link #label()} is not {@link #NO_LABEL}
     */
    public boolean hasLabel() {
        return label != NO_LABEL;
    }

    /**
     * Returns this record with another image (used when re-encoding).
     *
     * @param newImage the encoded replacement image
     * @return a record with the same key, label, wnid and source
     */
    public ImageRecord withImage(byte[] newImage) {
        return new ImageRecord(key, label, wnid, newImage, source);
    }
}

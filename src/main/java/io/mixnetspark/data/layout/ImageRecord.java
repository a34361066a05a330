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
 * <p>A record that could not be read (a damaged shard record, a member larger than the size
 * limit) has no image and says why in {@link #error()}; see {@link #unreadable}.
 *
 * @param key the sample key, unique within a dataset (for ImageNet the file stem, e.g. {@code
 *     n01440764_10026} or {@code ILSVRC2012_val_00000001})
 * @param label the class index (0-based, in the order of a {@link ClassIndex}), or {@link
 *     #NO_LABEL} when unknown
 * @param wnid the class id (an ImageNet WordNet id such as {@code n01440764}), or {@code null} when
 *     unknown
 * @param image the encoded image bytes, or {@code null} exactly when {@code error} is set
 * @param source where the record was read from: the image file, or the shard file
 * @param error why the image could not be read (naming the file, the record and the byte
 *     offset), or {@code null} for a readable record
 */
public record ImageRecord(String key, int label, String wnid, byte[] image, String source, String error) {

    /** The label of a record whose class is unknown (an unlabelled test image). */
    public static final int NO_LABEL = -1;

    /** Checks the required fields. */
    public ImageRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        if ((image == null) == (error == null)) {
            throw new IllegalArgumentException("a record has either an image or an error, got "
                    + (image == null ? "neither" : "both"));
        }
        if (label < NO_LABEL) {
            throw new IllegalArgumentException("label must be >= 0 or NO_LABEL (-1), got " + label);
        }
    }

    /**
     * Creates a readable record.
     *
     * @param key the sample key
     * @param label the class index, or {@link #NO_LABEL}
     * @param wnid the class id, or {@code null}
     * @param image the encoded image bytes
     * @param source the image or shard file
     */
    public ImageRecord(String key, int label, String wnid, byte[] image, String source) {
        this(key, label, wnid, Objects.requireNonNull(image, "image"), source, null);
    }

    /**
     * Creates a record whose image could not be read.
     *
     * @param key the sample key (for damage without one, {@code <shard file name>#<record>})
     * @param label the class index when known, else {@link #NO_LABEL}
     * @param source the image or shard file
     * @param error what is wrong, naming the file, the record and the byte offset
     * @return the record, with no image and no class id
     */
    public static ImageRecord unreadable(String key, int label, String source, String error) {
        return new ImageRecord(key, label, null, null, source, Objects.requireNonNull(error, "error"));
    }

    /**
     * Says whether the record has an image.
     *
     * @return {@code true} unless {@link #error()} is set
     */
    public boolean isReadable() {
        return error == null;
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
     * @return a readable record with the same key, label, wnid and source
     */
    public ImageRecord withImage(byte[] newImage) {
        return new ImageRecord(key, label, wnid, newImage, source);
    }
}

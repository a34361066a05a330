package io.mixnetspark.data.layout;

import java.io.Serializable;
import java.util.Objects;

/**
 * {@code ImageFile} is one image of an ImageFolder dataset as planned on the driver: where it is,
 * its key and its class id. Lists of them are shipped to executors, which read the bytes.
 *
 * @param path the file's fully qualified Hadoop path ({@code file:/...}, {@code hdfs://...},
 *     {@code s3a://...})
 * @param key the sample key (the file stem)
 * @param wnid the class id (folder name or ground truth), or {@code null} when unknown
 * @param size the file's size in bytes as listed (a file over the read limit is never opened)
 */
public record ImageFile(String path, String key, String wnid, long size) implements Serializable {

    /** Checks the required fields. */
    public ImageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
    }
}

package io.mixnetspark.data.layout;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code ImageFolderReader} reads a planned group of {@link ImageFile}s one at a time through
 * Hadoop's {@code FileSystem}: one image's bytes in memory at a time, the label looked up in the
 * {@link ClassIndex} from the class id. The record's source is the image's path.
 */
public final class ImageFolderReader implements ImageRecordReader {

    private final Configuration conf;
    private final Iterator<ImageFile> files;
    private final ClassIndex classIndex;
    private ImageRecord current;

    /**
     * Creates a reader; nothing is opened before {@link #next()}.
     *
     * @param conf the Hadoop configuration
     * @param files the images, read in this order
     * @param classIndex the index giving each class id its label
     */
    public ImageFolderReader(Configuration conf, List<ImageFile> files, ClassIndex classIndex) {
        this.conf = conf;
        this.files = files.iterator();
        this.classIndex = classIndex;
    }

    @Override
    public boolean next() throws IOException {
        if (!files.hasNext()) {
            return false;
        }
        ImageFile file = files.next();
        Path path = new Path(file.path());
        FileSystem fs = path.getFileSystem(conf);
        byte[] bytes;
        try (InputStream in = fs.open(path)) {
            bytes = in.readAllBytes();
        }
        current = classIndex.record(file.key(), ImageRecord.NO_LABEL, file.wnid(), bytes, file.path());
        return true;
    }

    @Override
    public ImageRecord get() {
        return current;
    }

    @Override
    public void close() {
        // Each image's stream is closed as soon as it is read.
    }
}

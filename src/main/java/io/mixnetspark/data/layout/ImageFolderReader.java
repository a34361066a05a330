package io.mixnetspark.data.layout;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code ImageFolderReader} reads a planned group of {@link ImageFile}s one at a time through
 * Hadoop's {@code FileSystem}: one image's bytes in memory at a time, the label looked up in the
 * {@link ClassIndex} from the class id. The record's source is the image's path. A file whose
 * listed size is over the limit is not opened ({@link ImageBytes}): its record is unreadable,
 * with no image and an error saying the size and the limit, as a damaged shard's.
 */
public final class ImageFolderReader implements ImageRecordReader {

    private final Configuration conf;
    private final Iterator<ImageFile> files;
    private final ClassIndex classIndex;
    private final long maxImageBytes;
    private ImageRecord current;

    /**
     * Creates a reader; nothing is opened before {@link #next()}.
     *
     * @param conf the Hadoop configuration
     * @param files the images, read in this order
     * @param classIndex the index giving each class id its label
     * @param maxImageBytes the largest file read
     */
    public ImageFolderReader(Configuration conf, List<ImageFile> files, ClassIndex classIndex, long maxImageBytes) {
        this.conf = conf;
        this.files = files.iterator();
        this.classIndex = classIndex;
        this.maxImageBytes = maxImageBytes;
    }

    @Override
    public boolean next() throws IOException {
        if (!files.hasNext()) {
            return false;
        }
        ImageFile file = files.next();
        Path path = new Path(file.path());
        try {
            byte[] bytes = ImageBytes.read(path.getFileSystem(conf), path, file.size(), maxImageBytes);
            current = classIndex.record(file.key(), ImageRecord.NO_LABEL, file.wnid(), bytes, file.path());
        } catch (ImageTooLargeException e) {
            current = ImageRecord.unreadable(file.key(), classIndex.indexOf(file.wnid()), file.path(), e.getMessage());
        }
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

package io.mixnetspark.data.layout;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code ImageFolderLister} lists an ImageFolder dataset on the driver (listing only, no image is
 * opened), through Hadoop's {@code FileSystem} so that {@code file://}, {@code hdfs://} and {@code
 * s3a://} all work:
 *
 * <ul>
 *   <li>{@link #classFolders}: {@code <root>/<wnid>/<image>}; the folder name is the class id.
 *       One recursive listing (cheap on object stores); only images exactly one folder below the
 *       root count, files directly in the root are ignored;
 *   <li>{@link #flat}: {@code <root>/<image>} with classes from a {@link ValidationGroundTruth},
 *       or none (an unlabelled test folder).
 * </ul>
 *
 * <p>Images are files named {@code *.jpg}, {@code *.jpeg}, {@code *.png} or {@code *.webp} (any
 * case); names starting with {@code .} or {@code _} are skipped. Each keeps its listed size, so
 * that a reader refuses a file too large to read without opening it. The result is sorted by class id,
 * then file name, so planning is deterministic.
 */
public final class ImageFolderLister {

    private ImageFolderLister() {}

    /**
     * Lists {@code <root>/<class>/<image>}.
     *
     * @param conf the Hadoop configuration
     * @param root the dataset folder (e.g. {@code .../train})
     * @return the images, sorted by class id then file name
     * @throws IllegalArgumentException when the folder holds no class folder with images
     * @throws IOException when listing fails or the folder does not exist
     */
    public static List<ImageFile> classFolders(Configuration conf, Path root) throws IOException {
        FileSystem fs = root.getFileSystem(conf);
        Path qualifiedRoot = directory(fs, root);
        List<ImageFile> files = new ArrayList<>();
        for (FileStatus status : RecursiveFiles.under(fs, qualifiedRoot)) {
            Path file = status.getPath();
            Path parent = file.getParent();
            if (parent == null || !qualifiedRoot.equals(parent.getParent()) || !isImage(file)
                    || isHidden(parent.getName())) {
                continue;
            }
            files.add(new ImageFile(file.toString(), Keys.stem(file.getName()), parent.getName(), status.getLen()));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images in class folders under " + qualifiedRoot
                    + " (expected <root>/<class>/*.jpg|jpeg|png|webp)");
        }
        files.sort(Comparator.comparing(ImageFile::wnid).thenComparing(f -> Keys.fileName(f.path())));
        return files;
    }

    /**
     * Lists {@code <root>/<image>}, labelling each image from the ground truth.
     *
     * @param conf the Hadoop configuration
     * @param root the folder of images
     * @param groundTruth the classes by key, or {@code null} for an unlabelled folder
     * @return the images, sorted by file name
     * @throws IllegalArgumentException when the folder has no image, or an image is missing from
     *     the ground truth
     * @throws IOException when listing fails or the folder does not exist
     */
    public static List<ImageFile> flat(Configuration conf, Path root, ValidationGroundTruth groundTruth)
            throws IOException {
        FileSystem fs = root.getFileSystem(conf);
        Path qualifiedRoot = directory(fs, root);
        List<ImageFile> files = new ArrayList<>();
        for (FileStatus status : fs.listStatus(qualifiedRoot)) {
            Path file = status.getPath();
            if (!status.isFile() || !isImage(file)) {
                continue;
            }
            String key = Keys.stem(file.getName());
            String wnid = null;
            if (groundTruth != null) {
                wnid = groundTruth.wnidOf(key);
                if (wnid == null) {
                    throw new IllegalArgumentException("image " + file + " is not in the ground truth file");
                }
            }
            files.add(new ImageFile(file.toString(), key, wnid, status.getLen()));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images (*.jpg|jpeg|png|webp) in " + qualifiedRoot);
        }
        files.sort(Comparator.comparing(f -> Keys.fileName(f.path())));
        return files;
    }

    /**
     * Says whether a folder holds class folders rather than images: whether any of its entries is
     * a folder not named with a leading {@code .} or {@code _}.
     *
     * @param conf the Hadoop configuration
     * @param root the folder
     * @return {@code true} for class folders
     * @throws IOException when listing fails or the folder does not exist
     */
    public static boolean hasClassFolders(Configuration conf, Path root) throws IOException {
        FileSystem fs = root.getFileSystem(conf);
        for (FileStatus status : fs.listStatus(directory(fs, root))) {
            if (status.isDirectory() && !isHidden(status.getPath().getName())) {
                return true;
            }
        }
        return false;
    }

    private static Path directory(FileSystem fs, Path root) throws IOException {
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("image folder " + root + " does not exist");
        }
        if (!status.isDirectory()) {
            throw new IllegalArgumentException(root + " is not a folder");
        }
        return status.getPath();
    }

    private static boolean isImage(Path file) {
        return !isHidden(file.getName()) && ImageFormat.isImageFileName(file.getName());
    }

    private static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }
}

package io.mixnetspark.data.layout;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code ImageFolderSpec} says which ImageFolder dataset to read and how to label it; {@link
 * #plan} lists it on the driver and resolves its class index.
 *
 * <p>The folder is read as class folders ({@code <root>/<wnid>/*}) unless a ground-truth file is
 * given, in which case it is a flat folder of validation images labelled by that file; a folder
 * with no sub-folder and no ground truth is read as unlabelled images.
 *
 * @param root the folder
 * @param classIndex {@value ClassIndex#IMAGENET} (the 1000 sorted ImageNet wnids), {@value
 *     #FOLDERS} (the sorted class folder names, torchvision's rule) or the path of a class list
 *     file ({@link ClassIndex#fromText})
 * @param groundTruth the validation ground-truth file, or {@code null}
 * @param groundTruthFormat its format, or {@code null} to recognise it
 * @param devkitSynsets the devkit's {@code meta.mat} (a name ending in {@code .mat}) or an
 *     id-to-wnid text mapping ({@link DevkitSynsets}); needed for the devkit ground truth only
 */
public record ImageFolderSpec(String root, String classIndex, String groundTruth,
        GroundTruthFormat groundTruthFormat, String devkitSynsets) {

    /** The class index value that takes the sorted class folder names. */
    public static final String FOLDERS = "folders";

    /** Checks the required fields. */
    public ImageFolderSpec {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(classIndex, "classIndex");
    }

    /**
     * A class-folder (or unlabelled flat) dataset labelled with the given index.
     *
     * @param root the folder
     * @param classIndex {@code imagenet}, {@code folders} or a class list path
     * @return the spec
     */
    public static ImageFolderSpec of(String root, String classIndex) {
        return new ImageFolderSpec(root, classIndex, null, null, null);
    }

    /**
     * The images and class index of a planned ImageFolder dataset.
     *
     * @param files the images, sorted by class id then file name (by file name for a flat folder)
     * @param classIndex the index that gives each class id its label
     */
    public record Plan(List<ImageFile> files, ClassIndex classIndex) {}

    /**
     * Lists the dataset and resolves its class index (driver side; no image is opened).
     *
     * @param conf the Hadoop configuration
     * @return the plan
     * @throws IllegalArgumentException when the folder has no images, a class is not in the
     *     index, an image is not in the ground truth, or {@code folders} is asked of a flat folder
     * @throws IOException when listing or reading the ground truth fails
     */
    public Plan plan(Configuration conf) throws IOException {
        Path path = new Path(root);
        List<ImageFile> files;
        if (groundTruth != null) {
            files = ImageFolderLister.flat(conf, path, readGroundTruth(conf));
        } else if (ImageFolderLister.hasClassFolders(conf, path)) {
            files = ImageFolderLister.classFolders(conf, path);
        } else {
            files = ImageFolderLister.flat(conf, path, null);
        }
        TreeSet<String> wnids = new TreeSet<>();
        files.stream().map(ImageFile::wnid).filter(Objects::nonNull).forEach(wnids::add);
        ClassIndex index;
        if (FOLDERS.equalsIgnoreCase(classIndex)) {
            if (wnids.isEmpty()) {
                throw new IllegalArgumentException("classIndex=folders needs class folders, " + root + " has none");
            }
            index = ClassIndex.sorted(wnids);
        } else {
            index = ClassIndex.load(conf, classIndex);
        }
        List<String> unknown = wnids.stream().filter(w -> index.indexOf(w) == ImageRecord.NO_LABEL).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.size() + " class(es) of " + root + " are not in class index '"
                    + classIndex + "': " + unknown.subList(0, Math.min(5, unknown.size()))
                    + (unknown.size() > 5 ? "..." : "") + "; use classIndex=folders or a class list file");
        }
        return new Plan(files, index);
    }

    private ValidationGroundTruth readGroundTruth(Configuration conf) throws IOException {
        Map<Integer, String> devkitIds = null;
        if (devkitSynsets != null) {
            Path ids = new Path(devkitSynsets);
            try (InputStream in = ids.getFileSystem(conf).open(ids)) {
                devkitIds = ids.getName().toLowerCase(Locale.ROOT).endsWith(".mat")
                        ? DevkitSynsets.fromMetaMat(in, devkitSynsets)
                        : DevkitSynsets.fromText(in, devkitSynsets);
            }
        }
        Path file = new Path(groundTruth);
        try (InputStream in = file.getFileSystem(conf).open(file)) {
            return ValidationGroundTruth.read(in, groundTruth, groundTruthFormat, devkitIds);
        }
    }
}

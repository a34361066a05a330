package io.mixnetspark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code PhotoSubset} copies a small ImageFolder tree of real Imagenette photos ({@code
 * <dir>/<wnid>/<file>.JPEG}) from the shared data into a test's folder, so layout tests can build
 * shards from it.
 */
public final class PhotoSubset {

    private PhotoSubset() {}

    /**
     * Copies the first {@code perClass} photos (by name) of the first {@code classes} classes (by
     * wnid) of the shared Imagenette training split.
     *
     * @param target the folder to create the tree in
     * @param classes how many classes
     * @param perClass photos per class
     * @return the copied files, sorted by wnid then name
     * @throws IOException when copying fails
     */
    public static List<Path> copy(Path target, int classes, int perClass) throws IOException {
        Path train = SharedData.require("datasets/imagenette2-224-subset/train");
        List<String> wnids;
        try (Stream<Path> s = Files.list(train)) {
            wnids = s.filter(Files::isDirectory).sorted().limit(classes).map(p -> p.getFileName().toString()).toList();
        }
        return copy(target, "train", wnids, perClass);
    }

    /**
     * Copies the first {@code perClass} photos (by name) of the given classes of a split of the
     * shared Imagenette subset.
     *
     * @param target the folder to create the tree in
     * @param split {@code train} or {@code val}
     * @param wnids the classes
     * @param perClass photos per class
     * @return the copied files, in the order of the classes, then by name
     * @throws IOException when copying fails
     */
    public static List<Path> copy(Path target, String split, List<String> wnids, int perClass) throws IOException {
        Path root = SharedData.require("datasets/imagenette2-224-subset/" + split);
        List<Path> copied = new ArrayList<>();
        for (String wnid : wnids) {
            Path folder = Files.createDirectories(target.resolve(wnid));
            List<Path> files;
            try (Stream<Path> s = Files.list(root.resolve(wnid))) {
                files = s.sorted().limit(perClass).toList();
            }
            for (Path file : files) {
                copied.add(Files.copy(file, folder.resolve(file.getFileName().toString())));
            }
        }
        return copied;
    }
}

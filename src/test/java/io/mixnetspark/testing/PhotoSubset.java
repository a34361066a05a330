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
        List<Path> copied = new ArrayList<>();
        List<Path> wnids;
        try (Stream<Path> s = Files.list(train)) {
            wnids = s.filter(Files::isDirectory).sorted().limit(classes).toList();
        }
        for (Path wnid : wnids) {
            Path folder = Files.createDirectories(target.resolve(wnid.getFileName().toString()));
            List<Path> files;
            try (Stream<Path> s = Files.list(wnid)) {
                files = s.sorted().limit(perClass).toList();
            }
            for (Path file : files) {
                copied.add(Files.copy(file, folder.resolve(file.getFileName().toString())));
            }
        }
        return copied;
    }
}

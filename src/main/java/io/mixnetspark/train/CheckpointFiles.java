package io.mixnetspark.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code CheckpointFiles} is where a {@link TrainingCheckpoint} keeps its files: a stream to write
 * and a stream to read per file name, so a checkpoint can live in a local folder ({@link
 * #directory}) or on any Hadoop file system (the Spark layer implements this over {@code
 * FileSystem.create}/{@code open}). Each checkpoint should get its own location (for example one
 * folder per epoch); the checkpoint writes its JSON state file last, so a location holding that
 * file holds a complete checkpoint.
 */
public interface CheckpointFiles {

    /**
     * Opens a file for writing, replacing any file of that name.
     *
     * @param name the file name (no folders)
     * @return the stream; the caller closes it
     * @throws IOException when the file cannot be created
     */
    OutputStream create(String name) throws IOException;

    /**
     * Opens a file for reading.
     *
     * @param name the file name (no folders)
     * @return the stream; the caller closes it
     * @throws IOException when the file is missing or cannot be read
     */
    InputStream open(String name) throws IOException;

    /**
     * Returns files in a local folder, created on first write.
     *
     * @param folder the folder
     * @return the files
     */
    static CheckpointFiles directory(Path folder) {
        return new CheckpointFiles() {
            @Override
            public OutputStream create(String name) throws IOException {
                Files.createDirectories(folder);
                return Files.newOutputStream(folder.resolve(name));
            }

            @Override
            public InputStream open(String name) throws IOException {
                return Files.newInputStream(folder.resolve(name));
            }

            @Override
            public String toString() {
                return folder.toString();
            }
        };
    }
}

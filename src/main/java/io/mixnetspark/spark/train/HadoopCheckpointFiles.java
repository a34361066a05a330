package io.mixnetspark.spark.train;

import io.mixnetspark.train.CheckpointFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code HadoopCheckpointFiles} keeps a {@link io.mixnetspark.train.TrainingCheckpoint} in one
 * folder of any Hadoop file system ({@code file://}, {@code hdfs://}, {@code s3a://}) through
 * {@code FileSystem.create} and {@code open}.
 */
public final class HadoopCheckpointFiles implements CheckpointFiles {

    private final Configuration conf;
    private final Path folder;

    /**
     * Points at a folder (created on first write).
     *
     * @param conf the Hadoop configuration
     * @param folder the folder URI
     */
    public HadoopCheckpointFiles(Configuration conf, String folder) {
        this.conf = conf;
        this.folder = new Path(folder);
    }

    @Override
    public OutputStream create(String name) throws IOException {
        Path file = new Path(folder, name);
        return file.getFileSystem(conf).create(file, true);
    }

    @Override
    public InputStream open(String name) throws IOException {
        Path file = new Path(folder, name);
        return file.getFileSystem(conf).open(file);
    }

    /**
     * Tells whether a file of that name exists in the folder.
     *
     * @param name the file name
     * @return whether it exists
     * @throws IOException when the file system cannot be asked
     */
    public boolean exists(String name) throws IOException {
        Path file = new Path(folder, name);
        return file.getFileSystem(conf).exists(file);
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}

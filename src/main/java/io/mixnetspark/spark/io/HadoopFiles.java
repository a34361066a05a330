package io.mixnetspark.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code HadoopFiles} reads and writes whole small files on any Hadoop file system ({@code
 * file://}, {@code hdfs://}, {@code s3a://}), with the session's Hadoop configuration.
 */
public final class HadoopFiles {

    private HadoopFiles() {}

    /**
     * Writes bytes to a file, replacing it.
     *
     * @param conf the Hadoop configuration
     * @param path the file
     * @param bytes the content
     * @throws IOException when writing fails
     */
    public static void write(Configuration conf, String path, byte[] bytes) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        try (OutputStream out = fs.create(p, true)) {
            out.write(bytes);
        }
    }

    /**
     * Reads a whole file.
     *
     * @param conf the Hadoop configuration
     * @param path the file
     * @return its bytes
     * @throws IOException when reading fails
     */
    public static byte[] read(Configuration conf, String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        try (InputStream in = fs.open(p)) {
            return in.readAllBytes();
        }
    }
}

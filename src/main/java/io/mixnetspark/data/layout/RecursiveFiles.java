package io.mixnetspark.data.layout;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code RecursiveFiles} lists every file under a folder of any Hadoop file system. Object stores
 * and HDFS get {@code FileSystem.listFiles(root, true)} (one flat listing, paged). The local file
 * system gets a walk with {@code listStatus} instead: its {@code listFiles} builds a {@code
 * LocatedFileStatus} per file, whose constructor reads the file's permissions, and without Hadoop's
 * native library that starts an {@code ls} process per file (SPARK-15307): 100,000 files took
 * minutes. The statuses returned here carry path, length and modification time.
 *
 * <p>The local walk follows symbolic links to folders, but enters each real folder once: a link
 * back to a folder already listed ({@code ln -s . loop}) or to one reached another way is skipped
 * with one WARN line, so a loop never makes the walk endless and no file is listed twice. Folders
 * more than {@link #MAX_DEPTH} below the root are skipped the same way.
 */
public final class RecursiveFiles {

    /** How deep the local walk goes below the root: far deeper than real lakes nest their folders. */
    static final int MAX_DEPTH = 128;

    private static final Logger LOG = LoggerFactory.getLogger(RecursiveFiles.class);

    private RecursiveFiles() {}

    /**
     * Lists the files (not folders) under a folder, in no particular order.
     *
     * @param fs the file system
     * @param root the folder
     * @return the files' statuses
     * @throws IOException when listing fails or the folder does not exist
     */
    public static List<FileStatus> under(FileSystem fs, Path root) throws IOException {
        if (fs instanceof LocalFileSystem local) {
            return walk((RawLocalFileSystem) local.getRawFileSystem(), fs, root);
        }
        if (fs instanceof RawLocalFileSystem raw) {
            return walk(raw, fs, root);
        }
        List<FileStatus> files = new ArrayList<>();
        RemoteIterator<? extends FileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            files.add(it.next());
        }
        return files;
    }

    /** A folder to list and how far below the root it is. */
    private record Folder(Path path, int depth) {}

    private static List<FileStatus> walk(RawLocalFileSystem raw, FileSystem fs, Path root) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        Set<java.nio.file.Path> entered = new HashSet<>(List.of(realPath(raw, fs.getFileStatus(root).getPath())));
        Deque<Folder> folders = new ArrayDeque<>(List.of(new Folder(root, 0)));
        while (!folders.isEmpty()) {
            Folder folder = folders.pop();
            for (FileStatus status : fs.listStatus(folder.path())) {
                if (!status.isDirectory()) {
                    files.add(status);
                } else if (folder.depth() >= MAX_DEPTH) {
                    LOG.warn("{} is not listed: it is more than {} folders below {} (RecursiveFiles.MAX_DEPTH)",
                            status.getPath(), MAX_DEPTH, root);
                } else {
                    java.nio.file.Path real = realPath(raw, status.getPath());
                    if (entered.add(real)) {
                        folders.push(new Folder(status.getPath(), folder.depth() + 1));
                    } else {
                        LOG.warn("{} is not listed again: it leads to {}, which is listed already (a symbolic link)",
                                status.getPath(), real);
                    }
                }
            }
        }
        return files;
    }

    private static java.nio.file.Path realPath(RawLocalFileSystem raw, Path path) throws IOException {
        return raw.pathToFile(path).toPath().toRealPath();
    }
}

package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecursiveFilesTest {

    @TempDir
    Path tmp;

    @Test
    void listsEveryFileAtAnyDepthWithItsLengthAndNoFolders() throws Exception {
        write("top.jpg", 1);
        write("a/one.jpg", 2);
        write("a/b/two.png", 3);
        write("a/b/c/three.webp", 4);
        Files.createDirectories(tmp.resolve("empty/deeper"));
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "top.jpg", 1L, "a/one.jpg", 2L, "a/b/two.png", 3L, "a/b/c/three.webp", 4L));

        for (FileSystem fs : List.of(FileSystem.getLocal(new Configuration()),
                FileSystem.getLocal(new Configuration()).getRawFileSystem())) {
            Map<String, Long> listed = new TreeMap<>();
            for (FileStatus status : RecursiveFiles.under(fs, new org.apache.hadoop.fs.Path(tmp.toUri()))) {
                String relative = tmp.toUri().relativize(status.getPath().toUri()).getPath();
                listed.put(relative, status.getLen());
            }
            assertEquals(expected, listed, fs.getClass().getSimpleName());
        }
    }

    @Test
    void aMissingFolderIsAnError() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        assertThrows(FileNotFoundException.class,
                () -> RecursiveFiles.under(fs, new org.apache.hadoop.fs.Path(tmp.resolve("nope").toUri())));
    }

    private void write(String relative, int bytes) throws Exception {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}

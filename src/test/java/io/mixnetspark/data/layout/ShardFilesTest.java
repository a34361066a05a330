package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders, files, globs and brace ranges resolved to shard files on the local Hadoop file system. */
class ShardFilesTest {

    @TempDir
    static Path dir;

    private static final Configuration CONF = new Configuration();

    @BeforeAll
    static void files() throws IOException {
        for (String name : new String[] {"train-000000.tar", "train-000001.tar", "train-000002.tar",
                "val-000000.tar", "_SUCCESS", ".train-000000.tar.crc", "manifest.json",
                "train-00000-of-00002", "train-00001-of-00002", "x.tfrecord", "a.parquet"}) {
            Files.write(dir.resolve(name), new byte[] {1});
        }
        Files.createDirectories(dir.resolve("nested.tar"));
    }

    private static List<String> names(String location, Layout layout) throws IOException {
        return ShardFiles.resolve(CONF, location, layout).stream().map(p -> p.getName()).toList();
    }

    @Test
    void folderIsSearchedForTheLayoutsShardNames() throws IOException {
        assertEquals(List.of("train-000000.tar", "train-000001.tar", "train-000002.tar", "val-000000.tar"),
                names(dir.toString(), Layout.WEBDATASET));
        assertEquals(List.of("train-00000-of-00002", "train-00001-of-00002", "x.tfrecord"),
                names(dir.toUri().toString(), Layout.TFRECORD));
        assertEquals(List.of("a.parquet"), names(dir.toString(), Layout.PARQUET));
    }

    @Test
    void braceRangesAndGlobsSelectFiles() throws IOException {
        assertEquals(List.of("train-000001.tar", "train-000002.tar"),
                names(dir + "/train-{000001..000002}.tar", Layout.WEBDATASET));
        assertEquals(List.of("train-000000.tar", "train-000001.tar", "train-000002.tar"),
                names("file://" + dir + "/train-*.tar", Layout.WEBDATASET));
        assertEquals(List.of("train-000000.tar", "val-000000.tar"),
                names(dir + "/{train,val}-000000.ta?", Layout.WEBDATASET));
        assertEquals(List.of("val-000000.tar"), names(dir + "/val-000000.tar", Layout.WEBDATASET));
    }

    @Test
    void globsAndFoldersNamingMoreThanTheLimitAreRefused() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardFiles.resolve(CONF, dir + "/train-*.tar", Layout.WEBDATASET, 2));
        assertTrue(e.getMessage().contains("more than 2 shard files") && e.getMessage().contains("MAX_SHARDS"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ShardFiles.resolve(CONF, dir.toString(), Layout.WEBDATASET, 3));
        assertEquals(3, ShardFiles.resolve(CONF, dir + "/train-*.tar", Layout.WEBDATASET, 3).size());
    }

    @Test
    void missingShardsAreReported() {
        FileNotFoundException missing = assertThrows(FileNotFoundException.class,
                () -> names(dir + "/train-{000002..000003}.tar", Layout.WEBDATASET));
        assertTrue(missing.getMessage().contains("train-000003.tar"), missing.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> names(dir + "/test-*.tar", Layout.WEBDATASET));
        assertTrue(none.getMessage().contains("no webdataset shards"), none.getMessage());
    }
}

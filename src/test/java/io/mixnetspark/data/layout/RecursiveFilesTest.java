package io.mixnetspark.data.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recursive listing: every file once at any depth, symbolic links to folders followed once. */
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

    @Test
    void aLinkToItsOwnFolderGivesEachFileOnceAndOneWarning() throws Exception {
        write("one.jpg", 1);
        Files.createSymbolicLink(tmp.resolve("loop"), Path.of("."));
        assertListedOnceWithWarnings(List.of("one.jpg"), 1);
        Files.createSymbolicLink(tmp.resolve("again"), Path.of("."));
        assertListedOnceWithWarnings(List.of("one.jpg"), 2);
    }

    @Test
    void linksUpTheTreeAndTwoMoreLinksToOneFolderAreFollowedOnce() throws Exception {
        write("a/b/deep.jpg", 1);
        write("shared/s.jpg", 1);
        Files.createSymbolicLink(tmp.resolve("a/b/up"), Path.of("../.."));
        Files.createSymbolicLink(tmp.resolve("a/first"), tmp.resolve("shared"));
        Files.createSymbolicLink(tmp.resolve("a/b/second"), tmp.resolve("shared"));
        assertEquals(List.of("a/b/deep.jpg", "shared/s.jpg"), list(FileSystem.getLocal(new Configuration())));
    }

    @Test
    void foldersDeeperThanTheLimitAreSkipped() throws Exception {
        write("top.jpg", 1);
        write("d/".repeat(RecursiveFiles.MAX_DEPTH) + "last.jpg", 1);
        write("d/".repeat(RecursiveFiles.MAX_DEPTH + 1) + "too-deep.jpg", 1);
        List<String> listed = list(FileSystem.getLocal(new Configuration()));
        assertEquals(List.of("d/".repeat(RecursiveFiles.MAX_DEPTH) + "last.jpg", "top.jpg"), listed);
    }

    private void assertListedOnceWithWarnings(List<String> expected, int warnings) throws Exception {
        for (FileSystem fs : List.of(FileSystem.getLocal(new Configuration()),
                FileSystem.getLocal(new Configuration()).getRawFileSystem())) {
            List<String> logged = Collections.synchronizedList(new ArrayList<>());
            AbstractAppender appender = new AbstractAppender("RecursiveFilesTest", null, null, true,
                    Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    if (event.getLoggerName().equals(RecursiveFiles.class.getName())) {
                        logged.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
                    }
                }
            };
            Configurator.setLevel(RecursiveFiles.class.getName(), Level.WARN);
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            appender.start();
            context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
            context.updateLoggers();
            try {
                assertEquals(expected, assertTimeoutPreemptively(Duration.ofSeconds(20), () -> list(fs)));
            } finally {
                context.getConfiguration().getRootLogger().removeAppender(appender.getName());
                context.updateLoggers();
            }
            assertEquals(warnings, logged.size(), logged.toString());
            assertTrue(logged.stream().allMatch(l -> l.startsWith("WARN") && l.contains("not listed again")),
                    logged.toString());
        }
    }

    private List<String> list(FileSystem fs) throws Exception {
        List<String> listed = new ArrayList<>();
        for (FileStatus status : RecursiveFiles.under(fs, new org.apache.hadoop.fs.Path(tmp.toUri()))) {
            listed.add(tmp.toUri().relativize(status.getPath().toUri()).getPath());
        }
        Collections.sort(listed);
        return listed;
    }

    private void write(String relative, int bytes) throws Exception {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}

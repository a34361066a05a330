package io.mixnetspark.hub;

import java.io.PrintStream;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code DownloadProgress} shows how far a download is. {@link #console} draws a progress bar in
 * MB on a stream (the command line's standard error), {@link #NONE} shows nothing.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** Shows nothing. */
    DownloadProgress NONE = (name, total, already) -> new Bar() {
        @Override
        public void accept(long bytes) {}

        @Override
        public void close() {}
    };

    /**
     * Starts showing one file's download.
     *
     * @param name the file, as shown
     * @param totalBytes its size, or -1 when unknown
     * @param alreadyBytes bytes already there (a resumed download)
     * @return takes the bytes written since the last call; close when done
     */
    Bar start(String name, long totalBytes, long alreadyBytes);

    /** One file's display: {@link #accept} takes bytes written since the last call. */
    interface Bar extends LongConsumer, AutoCloseable {
        @Override
        void close();
    }

    /**
     * Draws a progress bar (MB, MB/s, time left) on a stream.
     *
     * @param err where it is drawn
     * @return the progress display
     */
    static DownloadProgress console(PrintStream err) {
        return (name, total, already) -> {
            ProgressBar bar = new ProgressBarBuilder().setTaskName("Downloading " + name)
                    .setInitialMax(total > 0 ? total : -1).setUnit(" MB", 1 << 20).showSpeed()
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .startsFrom(already, java.time.Duration.ZERO).build();
            return new Bar() {
                @Override
                public void accept(long bytes) {
                    bar.stepBy(bytes);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        };
    }
}

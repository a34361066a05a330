package io.mixnetspark.data.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code WebDatasetWriter} writes one WebDataset tar shard that {@link WebDatasetReader} (and
 * Python's {@code webdataset}) reads back: per record {@code {key}.{jpg|png|webp}} (the extension
 * follows the image's real format), {@code {key}.cls} with the label as decimal text when the
 * record has one, and {@code {key}.json} holding {@code {"wnid": ...}} when it has a class id.
 *
 * <p>Output is byte-for-byte deterministic: every member gets modification time 0, mode 0644 and
 * empty owner names.
 */
public final class WebDatasetWriter implements ShardWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Date EPOCH = new Date(0L);

    private final TarArchiveOutputStream tar;

    /**
     * Starts a shard. The writer owns the stream and closes it.
     *
     * @param out where the tar bytes go
     */
    public WebDatasetWriter(OutputStream out) {
        this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    @Override
    public void write(ImageRecord record) throws IOException {
        String key = record.key();
        if (key.substring(key.lastIndexOf('/') + 1).contains(".") || key.endsWith("/") || key.isEmpty()) {
            throw new IllegalArgumentException(
                    "WebDataset key '" + key + "' must be non-empty and have no dot in its last path part");
        }
        member(key + "." + ImageFormat.sniff(record.image()).extension(), record.image());
        if (record.hasLabel()) {
            member(key + ".cls", Integer.toString(record.label()).getBytes(StandardCharsets.UTF_8));
        }
        if (record.wnid() != null) {
            ObjectNode json = JSON.createObjectNode().put("wnid", record.wnid());
            member(key + ".json", JSON.writeValueAsBytes(json));
        }
    }

    private void member(String name, byte[] data) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        entry.setModTime(EPOCH);
        entry.setMode(0100644);
        entry.setUserName("");
        entry.setGroupName("");
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    @Override
    public void close() throws IOException {
        tar.finish();
        tar.close();
    }
}

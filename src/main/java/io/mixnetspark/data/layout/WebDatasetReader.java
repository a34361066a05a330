package io.mixnetspark.data.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code WebDatasetReader} streams the samples of one WebDataset tar shard.
 *
 * <p>Members are grouped by key as WebDataset does: a member path splits at the first dot of its
 * file name into key and suffix ({@code train/n01440764_10026.jpg} has key {@code
 * train/n01440764_10026} and suffix {@code jpg}), and consecutive members with the same key form
 * a sample. A sample's image is its {@code jpg}, {@code jpeg}, {@code png} or {@code webp} member;
 * {@code cls} holds the class index as decimal text; an optional {@code json} object may name the
 * class id in its {@code wnid} field. Other members are skipped without being read. A missing
 * {@code cls} gives an unlabelled record unless the json names a class of the {@link ClassIndex};
 * a missing class id is looked up in the index.
 *
 * <p>Only the current sample's members are held in memory.
 */
public final class WebDatasetReader implements ImageRecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TarArchiveInputStream tar;
    private final String source;
    private final ClassIndex classIndex;
    private Sample pending;
    private ImageRecord current;

    /**
     * Opens a reader over a tar stream. The reader owns the stream and closes it.
     *
     * @param in the tar bytes (buffering is the caller's choice)
     * @param source the shard's path, used as the records' source and in error messages
     * @param classIndex the index used to fill a missing label or class id
     */
    public WebDatasetReader(InputStream in, String source, ClassIndex classIndex) {
        this.tar = new TarArchiveInputStream(in);
        this.source = source;
        this.classIndex = classIndex;
    }

    @Override
    public boolean next() throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (!entry.isFile()) {
                continue;
            }
            String name = entry.getName();
            int slash = name.lastIndexOf('/');
            int dot = name.indexOf('.', slash + 1);
            if (dot <= slash + 1 || dot == name.length() - 1) {
                continue;
            }
            String key = name.substring(0, dot);
            String suffix = name.substring(dot + 1);
            if (pending != null && !pending.key.equals(key)) {
                Sample done = pending;
                pending = new Sample(key);
                pending.add(suffix, entry);
                current = done.toRecord();
                return true;
            }
            if (pending == null) {
                pending = new Sample(key);
            }
            pending.add(suffix, entry);
        }
        if (pending != null) {
            current = pending.toRecord();
            pending = null;
            return true;
        }
        return false;
    }

    @Override
    public ImageRecord get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    /** The members of one sample read so far. */
    private final class Sample {
        private final String key;
        private byte[] image;
        private int label = ImageRecord.NO_LABEL;
        private String wnid;

        Sample(String key) {
            this.key = key;
        }

        void add(String suffix, TarArchiveEntry entry) throws IOException {
            if (ImageFormat.isImageSuffix(suffix)) {
                if (image != null) {
                    throw new CorruptShardException(
                            source + ": sample '" + key + "' has more than one image member");
                }
                image = readMember(entry);
            } else if (suffix.equals("cls")) {
                String text = new String(readMember(entry), StandardCharsets.UTF_8).strip();
                try {
                    label = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new CorruptShardException(
                            source + ": " + entry.getName() + " is not a class index: '" + text + "'", e);
                }
            } else if (suffix.equals("json")) {
                JsonNode node = JSON.readTree(readMember(entry));
                JsonNode id = node == null ? null : node.get("wnid");
                if (id != null && !id.isNull() && !id.isTextual()) {
                    throw new CorruptShardException(source + ": " + entry.getName() + " field 'wnid' is not a string");
                }
                wnid = id == null || id.isNull() ? null : id.asText();
            }
        }

        private byte[] readMember(TarArchiveEntry entry) throws IOException {
            if (entry.getSize() > Integer.MAX_VALUE - 8) {
                throw new CorruptShardException(
                        source + ": member " + entry.getName() + " is too large (" + entry.getSize() + " bytes)");
            }
            return tar.readAllBytes();
        }

        ImageRecord toRecord() throws CorruptShardException {
            if (image == null) {
                throw new CorruptShardException(
                        source + ": sample '" + key + "' has no jpg, jpeg, png or webp member");
            }
            return classIndex.record(key, label, wnid, image, source);
        }
    }
}

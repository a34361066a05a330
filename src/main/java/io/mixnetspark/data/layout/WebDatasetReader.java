package io.mixnetspark.data.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * <p>Damage: a sample with two images, none, a {@code cls} that is no number or a {@code json} of
 * the wrong shape throws a {@link CorruptShardException#resumable() resumable} exception naming the
 * member and its offset (the tar framing is intact, the next call reads the next sample); a header
 * the tar reader refuses, a member declaring more bytes than the file has left (when its length is
 * known, {@link ShardLimits}) or a truncated member ends the shard. A member declaring more than
 * {@link ShardLimits#maxImageBytes()} makes its sample an {@link ImageRecord#unreadable} record and
 * is skipped unread. Only the current sample's members are held in memory.
 */
public final class WebDatasetReader implements ImageRecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceStream raw;
    private final TarArchiveInputStream tar;
    private final String source;
    private final ClassIndex classIndex;
    private final ShardLimits limits;
    private Sample pending;
    private ImageRecord current;
    private CorruptShardException deferred;
    private long member = -1;
    private String where = "";

    /**
     * Opens a reader over a tar stream of unknown length. The reader owns the stream and closes it.
     *
     * @param in the tar bytes (buffering is the caller's choice)
     * @param source the shard's path, used as the records' source and in error messages
     * @param classIndex the index used to fill a missing label or class id
     */
    public WebDatasetReader(InputStream in, String source, ClassIndex classIndex) {
        this(in, source, classIndex, ShardLimits.ARRAY_LIMIT);
    }

    /**
     * Opens a reader over a tar stream. The reader owns the stream and closes it.
     *
     * @param in the tar bytes (buffering is the caller's choice)
     * @param source the shard's path, used as the records' source and in error messages
     * @param classIndex the index used to fill a missing label or class id
     * @param limits the file's length and the largest member read
     */
    public WebDatasetReader(InputStream in, String source, ClassIndex classIndex, ShardLimits limits) {
        this.raw = new SourceStream(in);
        this.tar = new TarArchiveInputStream(raw);
        this.source = source;
        this.classIndex = classIndex;
        this.limits = limits;
    }

    @Override
    public boolean next() throws IOException {
        if (deferred != null) {
            CorruptShardException damage = deferred;
            deferred = null;
            throw damage;
        }
        TarArchiveEntry entry;
        while ((entry = nextEntry()) != null) {
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
                pending = new Sample(key, where);
                pending.add(suffix, entry);
                current = done.toRecord();
                return true;
            }
            if (pending == null) {
                pending = new Sample(key, where);
            }
            pending.add(suffix, entry);
        }
        if (pending != null) {
            Sample done = pending;
            pending = null;
            current = done.toRecord();
            return true;
        }
        return false;
    }

    /**
     * The next member, its position noted; damage that ends the shard is thrown, or deferred while
     * a sample read before it is still to be returned.
     */
    private TarArchiveEntry nextEntry() throws IOException {
        try {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null) {
                return null;
            }
            member++;
            where = "member " + member + " '" + entry.getName() + "' (data at byte offset " + tar.getBytesRead() + ")";
            if (!entry.isCheckSumOK()) {
                throw corrupt(where + ": the header's checksum does not match; not a readable tar header", null, null);
            }
            if (limits.pastEnd(tar.getBytesRead(), entry.getSize())) {
                throw corrupt(where + " " + limits.pastEndProblem(tar.getBytesRead(), entry.getSize()), null, null);
            }
            return entry;
        } catch (CorruptShardException e) {
            return deferOrThrow(e);
        } catch (IOException e) {
            if (raw.failed()) {
                throw e;
            }
            return deferOrThrow(corrupt("after " + where + ", at byte offset " + tar.getBytesRead()
                    + ": not a readable tar header (" + e.getMessage() + ")", e, null));
        }
    }

    private TarArchiveEntry deferOrThrow(CorruptShardException damage) throws CorruptShardException {
        if (pending == null) {
            throw damage;
        }
        deferred = damage;
        return null;
    }

    private CorruptShardException corrupt(String problem, Throwable cause, String sampleKey) {
        return new CorruptShardException("corrupt tar file " + source + ": " + problem, cause, sampleKey);
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
        private final String firstMember;
        private byte[] image;
        private boolean hasImage;
        private int label = ImageRecord.NO_LABEL;
        private String wnid;
        private String damage;
        private String tooLarge;

        Sample(String key, String firstMember) {
            this.key = key;
            this.firstMember = firstMember;
        }

        void add(String suffix, TarArchiveEntry entry) throws IOException {
            boolean isImage = ImageFormat.isImageSuffix(suffix);
            if (damage != null || !(isImage || suffix.equals("cls") || suffix.equals("json"))) {
                return;
            }
            if (isImage && hasImage) {
                damage = where + ": sample '" + key + "' has more than one image member";
                return;
            }
            hasImage |= isImage;
            if (limits.tooLarge(entry.getSize())) {
                tooLarge = "tar file " + source + ": " + where + " " + limits.tooLargeProblem(entry.getSize());
            } else if (isImage) {
                image = readMember();
            } else if (suffix.equals("cls")) {
                String text = new String(readMember(), StandardCharsets.UTF_8).strip();
                try {
                    label = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    damage = where + ": " + entry.getName() + " is not a class index: '" + text + "'";
                }
            } else {
                json(entry);
            }
        }

        private void json(TarArchiveEntry entry) throws IOException {
            JsonNode node;
            try {
                node = JSON.readTree(readMember());
            } catch (JsonProcessingException e) {
                damage = where + ": " + entry.getName() + " is not JSON (" + e.getOriginalMessage() + ")";
                return;
            }
            JsonNode id = node == null ? null : node.get("wnid");
            if (id != null && !id.isNull() && !id.isTextual()) {
                damage = where + ": " + entry.getName() + " field 'wnid' is not a string";
            } else {
                wnid = id == null || id.isNull() ? null : id.asText();
            }
        }

        private byte[] readMember() throws IOException {
            try {
                return tar.readAllBytes();
            } catch (IOException e) {
                if (raw.failed()) {
                    throw e;
                }
                throw corrupt(where + ": truncated member (" + e.getMessage() + ")", e, null);
            }
        }

        ImageRecord toRecord() throws CorruptShardException {
            if (damage != null) {
                throw corrupt(damage, null, key);
            }
            if (tooLarge != null) {
                return ImageRecord.unreadable(key, label, source, tooLarge);
            }
            if (!hasImage) {
                throw corrupt(firstMember + ": sample '" + key + "' has no jpg, jpeg, png or webp member", null, key);
            }
            return classIndex.record(key, label, wnid, image, source);
        }
    }
}

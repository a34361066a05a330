package io.mixnetspark.spark.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.spark.shard.ShardManifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * {@code LakeManifest} reads a list of what to label instead of listing the lake, which on an
 * object store means one request per thousand keys and can take minutes for millions of images:
 *
 * <ul>
 *   <li>a {@code .json} file: the {@value ShardManifest#FILE_NAME} that {@code mixnet shard}
 *       writes; its {@code format} is the layout and its {@code shards[].file} the shard files,
 *       relative to the manifest's folder;
 *   <li>any other file: a text list of image files, one per line (paths relative to the
 *       manifest's folder, or absolute URIs; blank lines and lines starting with {@code #} are
 *       skipped), labeled like the {@code files} layout.
 * </ul>
 *
 * <p>A manifest is untrusted input: every entry must name a file under the manifest's own folder
 * (a relative path without {@code ..} leaving it, or an absolute URI inside it). An entry outside
 * it ({@code ../x}, {@code /etc/passwd}, another scheme or bucket) is refused with a message naming
 * the entry, unless {@code allowAbsolutePaths} is set ({@code ./mixnet predict
 * --allow_absolute_paths}), for manifests that are trusted to point anywhere.
 *
 * <p>The trade-off: nothing is listed, so nothing is checked up front; a listed file that is gone
 * becomes a row with an error, and files not in the manifest are not labeled. Entries of a file
 * list carry no fingerprint, so incremental runs match them on the key alone.
 */
public final class LakeManifest {

    private LakeManifest() {}

    /**
     * Plans the input a manifest names.
     *
     * @param spark the session
     * @param manifest the manifest file (any Hadoop file system)
     * @param options options of the {@code mixnet-images} source, for shard manifests
     * @param allowAbsolutePaths whether entries may name files outside the manifest's folder
     * @return the input
     * @throws IOException when the manifest cannot be read
     * @throws IllegalArgumentException when it names nothing, is not a shard manifest, or has an
     *     entry outside its folder that is not allowed
     */
    public static LakeInput read(SparkSession spark, String manifest, Map<String, String> options,
            boolean allowAbsolutePaths) throws IOException {
        Path path = new Path(manifest);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        Entries entries = new Entries(path.getParent(), fs.makeQualified(path).getParent(), manifest,
                allowAbsolutePaths);
        try (InputStream in = fs.open(path)) {
            if (path.getName().endsWith(".json")) {
                return shards(spark, new ObjectMapper().readTree(in), entries, options);
            }
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("a file list takes no source options, got " + options.keySet());
            }
            return LakeInput.files(spark, fileList(in, entries));
        }
    }

    private static LakeInput shards(SparkSession spark, JsonNode root, Entries entries, Map<String, String> options) {
        String manifest = entries.manifest();
        JsonNode format = root == null ? null : root.get("format");
        JsonNode shards = root == null ? null : root.get("shards");
        if (format == null || !format.isTextual() || shards == null || !shards.isArray() || shards.isEmpty()) {
            throw new IllegalArgumentException(manifest + " is not a shard manifest: it needs a string 'format' and"
                    + " a non-empty 'shards' list of {\"file\": ...}");
        }
        List<String> files = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            JsonNode file = shards.get(i).get("file");
            if (file == null || !file.isTextual()) {
                throw new IllegalArgumentException(manifest + ": shards[" + i + "] has no string 'file'");
            }
            files.add(entries.resolve(file.asText()).toString());
        }
        return LakeInput.dataset(spark, format.asText(), files, options);
    }

    private static List<Row> fileList(InputStream in, Entries entries) throws IOException {
        List<Row> files = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                files.add(RowFactory.create(entries.resolve(entry).toString(), null));
            }
        }
        return files;
    }

    /**
     * Resolves a manifest's entries against its folder and keeps them inside it.
     *
     * @param folder the manifest's folder as given (relative entries are resolved against it)
     * @param root the same folder fully qualified (scheme, authority), for the check
     * @param manifest the manifest, for messages
     * @param allowAbsolutePaths whether entries outside the folder are allowed
     */
    private record Entries(Path folder, Path root, String manifest, boolean allowAbsolutePaths) {

        Path resolve(String entry) {
            Path file;
            try {
                Path given = new Path(entry);
                file = given.isAbsolute() || given.toUri().getScheme() != null ? given : new Path(folder, entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(manifest + ": entry '" + entry + "' is not a path ("
                        + e.getMessage() + ")", e);
            }
            if (!allowAbsolutePaths && !isInside(file.makeQualified(root.toUri(), root).toUri().normalize())) {
                throw new IllegalArgumentException(manifest + ": entry '" + entry + "' names a file outside the"
                        + " manifest's folder " + root + "; entries must lie under it (allow absolute paths, e.g."
                        + " --allow_absolute_paths, for a trusted manifest)");
            }
            return file;
        }

        private boolean isInside(URI file) {
            URI base = root.toUri().normalize();
            String prefix = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
            return Objects.equals(base.getScheme(), file.getScheme())
                    && Objects.equals(base.getAuthority(), file.getAuthority())
                    && file.getPath() != null && file.getPath().startsWith(prefix);
        }
    }
}

package io.mixnetspark.spark.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.spark.shard.ShardManifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *   <li>any other file: a text list of image files, one per line (absolute URIs, or paths relative
 *       to the manifest's folder; blank lines and lines starting with {@code #} are skipped),
 *       labeled like the {@code files} layout.
 * </ul>
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
     * @return the input
     * @throws IOException when the manifest cannot be read
     * @throws IllegalArgumentException when it names nothing or is not a shard manifest
     */
    public static LakeInput read(SparkSession spark, String manifest, Map<String, String> options) throws IOException {
        Path path = new Path(manifest);
        Path folder = path.getParent();
        try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
            if (path.getName().endsWith(".json")) {
                return shards(spark, new ObjectMapper().readTree(in), folder, manifest, options);
            }
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("a file list takes no source options, got " + options.keySet());
            }
            return LakeInput.files(spark, fileList(in, folder));
        }
    }

    private static LakeInput shards(SparkSession spark, JsonNode root, Path folder, String manifest,
            Map<String, String> options) {
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
            files.add(new Path(folder, file.asText()).toString());
        }
        return LakeInput.dataset(spark, format.asText(), files, options);
    }

    private static List<Row> fileList(InputStream in, Path folder) throws IOException {
        List<Row> files = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                Path file = new Path(entry);
                files.add(RowFactory.create((file.isAbsolute() || file.toUri().getScheme() != null
                        ? file : new Path(folder, entry)).toString(), null));
            }
        }
        return files;
    }
}

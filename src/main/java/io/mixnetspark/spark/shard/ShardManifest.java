package io.mixnetspark.spark.shard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.ImageRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code ShardManifest} describes a finished conversion; {@link ShardConverter} writes it as
 * {@value #FILE_NAME} beside the shards:
 *
 * <pre>
 * {"format": "webdataset", "split": "train", "source": "...", "class_index": "imagenet",
 *  "seed": 0, "shard_size": 1000, "resize_shorter_side": null, "jpeg_quality": null,
 *  "images": 1281167,
 *  "shards":  [{"file": "train-000000.tar", "images": 1000}, ...],
 *  "classes": [{"label": 0, "wnid": "n01440764", "images": 1300}, ...]}
 * </pre>
 *
 * <p>Unlabelled images are counted under {@code "label": null}. The manifest holds no time stamp,
 * so the same conversion gives the same file.
 *
 * @param conversion what was asked
 * @param classIndex the class index used
 * @param shards the shards' summaries, in shard order
 */
public record ShardManifest(ShardConversion conversion, ClassIndex classIndex, List<ShardSummary> shards) {

    /** The manifest's file name in the output folder. */
    public static final String FILE_NAME = "manifest.json";

    /** Copies the list. */
    public ShardManifest {
        shards = List.copyOf(shards);
    }

    /**
     * Returns the number of images in all shards.
     *
     * @return the total
     */
    public long images() {
        return shards.stream().mapToLong(ShardSummary::images).sum();
    }

    /**
     * Returns the images per label over all shards ({@code -1} for unlabelled).
     *
     * @return counts by label, sorted
     */
    public Map<Integer, Long> imagesPerLabel() {
        Map<Integer, Long> total = new TreeMap<>();
        shards.forEach(s -> s.imagesPerLabel().forEach((label, n) -> total.merge(label, n, Long::sum)));
        return total;
    }

    /**
     * Renders the manifest.
     *
     * @return the JSON text, indented
     */
    public String toJson() {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode()
                .put("format", conversion.format().layout().optionName())
                .put("split", conversion.split())
                .put("source", conversion.source().root())
                .put("class_index", conversion.source().classIndex())
                .put("seed", conversion.seed())
                .put("shard_size", conversion.shardSize());
        if (conversion.resizeShorterSide() > 0) {
            root.put("resize_shorter_side", conversion.resizeShorterSide()).put("jpeg_quality", conversion.jpegQuality());
        } else {
            root.putNull("resize_shorter_side").putNull("jpeg_quality");
        }
        root.put("images", images());
        ArrayNode shardList = root.putArray("shards");
        shards.forEach(s -> shardList.addObject().put("file", s.fileName()).put("images", s.images()));
        ArrayNode classes = root.putArray("classes");
        imagesPerLabel().forEach((label, n) -> {
            ObjectNode entry = classes.addObject();
            if (label == ImageRecord.NO_LABEL) {
                entry.putNull("label").putNull("wnid");
            } else {
                entry.put("label", label).put("wnid", classIndex.wnidOf(label));
            }
            entry.put("images", n);
        });
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the manifest", e);
        }
    }

    /**
     * Writes {@value #FILE_NAME} into the output folder (driver side).
     *
     * @param conf the Hadoop configuration
     * @return the manifest's path
     * @throws IOException when writing fails
     */
    public Path write(Configuration conf) throws IOException {
        Path path = new Path(conversion.output(), FILE_NAME);
        try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
            out.write(toJson().getBytes(StandardCharsets.UTF_8));
        }
        return path;
    }
}

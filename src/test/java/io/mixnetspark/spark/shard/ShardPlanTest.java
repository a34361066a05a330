package io.mixnetspark.spark.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixnetspark.data.layout.ImageFile;
import io.mixnetspark.data.layout.ShardFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seeded shard order: deterministic, independent of listing order, cut into equal shards. */
class ShardPlanTest {

    private static List<ImageFile> files(int n) {
        List<ImageFile> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(new ImageFile("file:/d/n0/" + i + ".JPEG", "img_" + i, "n0", 100));
        }
        return files;
    }

    private static List<List<String>> keys(List<ShardTask> shards) {
        return shards.stream().map(s -> s.files().stream().map(ImageFile::key).toList()).toList();
    }

    @Test
    void sameSeedSameShardsWhateverTheListingOrder() {
        List<ImageFile> listed = files(23);
        List<ImageFile> shuffled = new ArrayList<>(listed);
        Collections.shuffle(shuffled, new Random(1));

        List<ShardTask> a = ShardPlan.plan(listed, ShardFormat.TFRECORD, "train", 5, 42);
        List<ShardTask> b = ShardPlan.plan(shuffled, ShardFormat.TFRECORD, "train", 5, 42);

        assertEquals(keys(a), keys(b));
        assertEquals(List.of(5, 5, 5, 5, 3), a.stream().map(s -> s.files().size()).toList());
        assertEquals("train-00004-of-00005", a.get(4).fileName());
        assertNotEquals(keys(a), keys(ShardPlan.plan(listed, ShardFormat.TFRECORD, "train", 5, 43)));
        assertNotEquals(listed.stream().map(ImageFile::key).toList(),
                keys(a).stream().flatMap(List::stream).toList(), "the order is shuffled");
    }

    @Test
    void rankIsAFixedFunctionOfSeedAndKey() {
        assertEquals(ShardPlan.rank(0, "n01440764_10026"), ShardPlan.rank(0, "n01440764_10026"));
        assertNotEquals(ShardPlan.rank(0, "n01440764_10026"), ShardPlan.rank(1, "n01440764_10026"));
        assertNotEquals(ShardPlan.rank(0, "a"), ShardPlan.rank(0, "b"));
    }

    @Test
    void duplicateKeysAreRefused() {
        List<ImageFile> files = new ArrayList<>(files(3));
        files.add(new ImageFile("file:/d/n1/1.png", "img_1", "n1", 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardPlan.plan(files, ShardFormat.WEBDATASET, "train", 2, 0));
        assertEquals(true, e.getMessage().contains("'img_1'"), e.getMessage());
    }
}

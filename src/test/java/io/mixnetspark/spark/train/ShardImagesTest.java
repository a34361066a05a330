package io.mixnetspark.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixnetspark.data.decode.UnreadImage;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** A training shard leaves out the images its reader refused to read for their size, instead of failing the fit. */
class ShardImagesTest {

    @Test
    void imagesNotReadForTheirSizeAreLeftOut() {
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
        List<Row> rows = List.of(RowFactory.create(photo, 1), RowFactory.create(UnreadImage.tooLarge(3L << 30, 256L << 20), 0),
                RowFactory.create(photo, 0));
        ShardImages shard = ShardImages.of(rows.iterator(), 2);
        assertEquals(2, shard.size());
        assertArrayEquals(photo, shard.image(1));
        assertEquals(0, shard.label(1));
    }
}

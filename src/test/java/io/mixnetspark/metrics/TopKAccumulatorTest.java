package io.mixnetspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counting, merging and shipping top-k classification results. */
class TopKAccumulatorTest {

    @Test
    void countsTopOneTopFivePerClassAndConfusion() {
        TopKAccumulator acc = new TopKAccumulator(7);
        acc.add(0, new int[] {0, 1, 2, 3, 4}, 0.5);   // top-1 hit
        acc.add(1, new int[] {2, 3, 1, 4, 5}, 1.5);   // top-5 hit only
        acc.add(1, new int[] {2, 3, 4, 5, 6, 1}, 2.5); // miss: 6th rank does not count
        acc.add(6, new int[] {6, 0, 1, 2, 3}, 1.5);   // top-1 hit

        assertEquals(4, acc.images());
        assertEquals(0.5, acc.top1());
        assertEquals(0.75, acc.top5());
        assertEquals(1.5, acc.meanLoss(), 1e-12);
        List<ClassCounts> perClass = acc.perClass();
        assertEquals(7, perClass.size());
        assertEquals(new ClassCounts(0, 1, 1, 1), perClass.get(0));
        assertEquals(new ClassCounts(1, 2, 0, 1), perClass.get(1));
        assertEquals(new ClassCounts(3, 0, 0, 0), perClass.get(3));
        assertEquals(new ClassCounts(6, 1, 1, 1), perClass.get(6));
        assertEquals(
                Map.of(new ConfusionCell(0, 0), 1L, new ConfusionCell(1, 2), 2L, new ConfusionCell(6, 6), 1L),
                acc.confusion());
    }

    @Test
    void withFewerThanFiveClassesTopFiveIsEveryClass() {
        TopKAccumulator acc = new TopKAccumulator(3);
        assertEquals(3, acc.rankedNeeded());
        acc.add(2, new int[] {0, 1, 2}, 1.0);
        assertEquals(0.0, acc.top1());
        assertEquals(1.0, acc.top5());
        assertThrows(IllegalArgumentException.class, () -> acc.add(1, new int[] {0, 1}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> acc.add(3, new int[] {0, 1, 2}, 1.0));
    }

    @Test
    void emptyAccumulatorReportsNaN() {
        TopKAccumulator acc = new TopKAccumulator(10);
        assertTrue(Double.isNaN(acc.top1()));
        assertTrue(Double.isNaN(acc.top5()));
        assertTrue(Double.isNaN(acc.meanLoss()));
    }

    @Test
    void mergingPartitionsEqualsCountingEverythingInOnePlace() throws Exception {
        int[][] ranked = {{0, 1, 2, 3, 4}, {1, 0, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 1, 0, 3, 4}, {3, 4, 0, 1, 2}};
        int[] labels = {0, 0, 1, 2, 4};
        TopKAccumulator all = new TopKAccumulator(5);
        TopKAccumulator left = new TopKAccumulator(5);
        TopKAccumulator right = new TopKAccumulator(5);
        for (int i = 0; i < labels.length; i++) {
            all.add(labels[i], ranked[i], i);
            (i < 2 ? left : right).add(labels[i], ranked[i], i);
        }
        TopKAccumulator merged = roundTrip(right).merge(roundTrip(left));

        assertEquals(all.images(), merged.images());
        assertEquals(all.top1(), merged.top1());
        assertEquals(all.top5(), merged.top5());
        assertEquals(all.meanLoss(), merged.meanLoss(), 1e-12);
        assertEquals(all.perClass(), merged.perClass());
        assertEquals(all.confusion(), merged.confusion());
        assertThrows(IllegalArgumentException.class, () -> merged.merge(new TopKAccumulator(6)));
    }

    private static TopKAccumulator roundTrip(TopKAccumulator acc) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(acc);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (TopKAccumulator) in.readObject();
        }
    }
}

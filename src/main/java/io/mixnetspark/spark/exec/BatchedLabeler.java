package io.mixnetspark.spark.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mixnetspark.model.ClassNames;
import io.mixnetspark.model.MixNetModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code BatchedLabeler} labels a partition's rows in batches: rows are prepared (decoded and
 * preprocessed) on a thread pool up to {@code prefetch} batches ahead, so decoding of the next
 * batches overlaps the forward pass of the current one through a bounded window; each batch runs
 * one eval forward in its own tensor scope, closed when the batch's rows are built. Every input
 * row gives exactly one output row: the input columns followed by the columns of {@link
 * LabelingContract} (the error null, or why the row was not classified).
 */
public final class BatchedLabeler implements Iterator<Row> {

    private final Iterator<Row> input;
    private final Function<Row, Prepared> prepare;
    private final MixNetModel model;
    private final ClassNames classes;
    private final ExecutorService pool;
    private final int batchSize;
    private final int prefetch;
    private final int topK;
    private final int imageSize;
    private final Deque<PendingBatch> pending = new ArrayDeque<>();
    private Iterator<Row> current = java.util.Collections.emptyIterator();

    /**
     * Creates the labeler for one partition.
     *
     * @param input the partition's rows
     * @param prepare turns a row into pixels or an error (runs on the pool)
     * @param model the shared network
     * @param classes class ids and names of the outputs
     * @param pool threads for {@code prepare}
     * @param settings batch size, prefetch window, top-k, image size
     */
    public BatchedLabeler(Iterator<Row> input, Function<Row, Prepared> prepare, MixNetModel model,
            ClassNames classes, ExecutorService pool, LabelingSettings settings) {
        this.input = input;
        this.prepare = prepare;
        this.model = model;
        this.classes = classes;
        this.pool = pool;
        this.batchSize = settings.batchSize();
        this.prefetch = settings.prefetchBatches();
        this.topK = LabelingContract.checkTopK(settings.topK(), classes.size());
        this.imageSize = settings.imageSize();
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            fill();
            if (pending.isEmpty()) {
                return false;
            }
            current = label(pending.removeFirst()).iterator();
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private void fill() {
        while (pending.size() < prefetch && input.hasNext()) {
            List<Row> rows = new ArrayList<>(batchSize);
            List<Future<Prepared>> prepared = new ArrayList<>(batchSize);
            while (rows.size() < batchSize && input.hasNext()) {
                Row row = input.next();
                rows.add(row);
                prepared.add(pool.submit(() -> prepare.apply(row)));
            }
            pending.addLast(new PendingBatch(rows, prepared));
        }
    }

    private List<Row> label(PendingBatch batch) {
        int n = batch.rows.size();
        Prepared[] ready = new Prepared[n];
        List<Integer> ok = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ready[i] = await(batch.prepared.get(i));
            if (ready[i].error() == null) {
                ok.add(i);
            }
        }
        // keep the pool busy on the following batches while this one runs through the network
        fill();
        float[][] logits = forward(ready, ok);
        List<Row> out = new ArrayList<>(n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            Row in = batch.rows.get(i);
            out.add(ready[i].error() == null ? withPrediction(in, logits[k++]) : withError(in, ready[i].error()));
        }
        return out;
    }

    private float[][] forward(Prepared[] ready, List<Integer> ok) {
        if (ok.isEmpty()) {
            return new float[0][];
        }
        int pixels = 3 * imageSize * imageSize;
        float[] data = new float[ok.size() * pixels];
        for (int j = 0; j < ok.size(); j++) {
            System.arraycopy(ready[ok.get(j)].chw(), 0, data, j * pixels, pixels);
        }
        try (NDManager manager = NDManager.newBaseManager(model.device())) {
            NDArray x = manager.create(data, new Shape(ok.size(), 3, imageSize, imageSize));
            float[] flat = model.logits(x).toFloatArray();
            int classesCount = classes.size();
            float[][] rows = new float[ok.size()][];
            for (int j = 0; j < ok.size(); j++) {
                rows[j] = java.util.Arrays.copyOfRange(flat, j * classesCount, (j + 1) * classesCount);
            }
            return rows;
        }
    }

    private Row withPrediction(Row in, float[] logits) {
        double[] raw = new double[logits.length];
        for (int c = 0; c < logits.length; c++) {
            raw[c] = logits[c];
        }
        double[] probability = Softmax.of(raw);
        int[] order = Softmax.topIndices(probability, topK);
        List<Row> top = new ArrayList<>(order.length);
        for (int r = 0; r < order.length; r++) {
            int c = order[r];
            top.add(LabelingContract.topKEntry(r + 1, c, classes, probability[c]));
        }
        return append(in, (double) order[0], Vectors.dense(probability), Vectors.dense(raw),
                scala.jdk.javaapi.CollectionConverters.asScala(top).toSeq(), null);
    }

    private static Row withError(Row in, String error) {
        return append(in, null, null, null, null, error);
    }

    private static Row append(Row in, Object... extra) {
        Object[] values = new Object[in.length() + extra.length];
        for (int i = 0; i < in.length(); i++) {
            values[i] = in.get(i);
        }
        System.arraycopy(extra, 0, values, in.length(), extra.length);
        return RowFactory.create(values);
    }

    private static Prepared await(Future<Prepared> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing images", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException storage) {
                throw storage;
            }
            return Prepared.failed("could not prepare the image: " + e.getCause());
        }
    }

    private record PendingBatch(List<Row> rows, List<Future<Prepared>> prepared) {}
}

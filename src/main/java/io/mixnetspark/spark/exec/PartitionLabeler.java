package io.mixnetspark.spark.exec;

import ai.djl.Device;
import io.mixnetspark.concurrent.DaemonThreads;
import io.mixnetspark.model.MixNetModel;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * {@code PartitionLabeler} is the function a labeling job runs on each partition, on the
 * executor: it picks the task's device, takes the JVM's shared network for the broadcast payload
 * (loaded once per JVM), starts the task's decoding threads (stopped when the task ends) and
 * returns the {@link BatchedLabeler} over the partition's rows.
 */
public final class PartitionLabeler implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelPayload> payload;
    private final String payloadKey;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final LabelingSettings settings;
    private final int inputIndex;
    private final String inputKind;

    /**
     * Creates the function on the driver.
     *
     * @param payload the broadcast network
     * @param payloadKey the payload's content key, computed once on the driver
     * @param hadoop the broadcast Hadoop configuration (for path inputs)
     * @param settings batch size, top-k, preprocessing, threads, device
     * @param inputIndex position of the input column
     * @param inputKind {@code BYTES}, {@code PATH} or {@code IMAGE_STRUCT}
     */
    public PartitionLabeler(Broadcast<ModelPayload> payload, String payloadKey,
            Broadcast<SerializableConfiguration> hadoop,
            LabelingSettings settings, int inputIndex, String inputKind) {
        this.payload = payload;
        this.payloadKey = payloadKey;
        this.hadoop = hadoop;
        this.settings = settings;
        this.inputIndex = inputIndex;
        this.inputKind = inputKind;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Device device = TaskDevice.choose(settings.device());
        MixNetModel model = ExecutorModels.get(payloadKey, payload.value(), device);
        TaskContext ctx = TaskContext.get();
        int threads = settings.decodeThreads() > 0 ? settings.decodeThreads()
                : Math.max(1, ctx == null ? Runtime.getRuntime().availableProcessors() : ctx.cpus());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("mixnet-decode"));
        if (ctx != null) {
            ctx.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) done -> pool.shutdownNow());
        }
        RowPreparer prepare = new RowPreparer(inputIndex, inputKind, settings, hadoop.value().value());
        return new BatchedLabeler(rows, prepare, model, payload.value().classes(), pool, settings);
    }
}

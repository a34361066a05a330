package io.mixnetspark.spark.exec;

import ai.djl.Device;
import io.mixnetspark.model.OfflineEngine;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * {@code TaskDevice} picks where a Spark task runs its network: the GPU Spark assigned to the task
 * (the {@code gpu} resource in {@link TaskContext#resourcesJMap()}) when there is one, else the CPU.
 * A task that was given a GPU it cannot use fails with a clear message instead of silently running
 * on the CPU.
 */
public final class TaskDevice {

    private TaskDevice() {}

    /**
     * Chooses the device for the current task.
     *
     * @param setting {@code auto}, {@code cpu} or {@code gpu}
     * @return the device
     * @throws IllegalStateException when a GPU is required or assigned but unusable
     */
    public static Device choose(String setting) {
        String mode = setting.toLowerCase(Locale.ROOT);
        if (mode.equals("cpu")) {
            return Device.cpu();
        }
        String assigned = assignedGpu();
        if (assigned == null) {
            if (mode.equals("gpu")) {
                throw new IllegalStateException("device=gpu, but Spark assigned no GPU to this task:"
                        + " set spark.executor.resource.gpu.amount and spark.task.resource.gpu.amount");
            }
            return Device.cpu();
        }
        int id = Integer.parseInt(assigned.trim());
        int visible = OfflineEngine.pytorch().getGpuCount();
        if (id >= visible) {
            throw new IllegalStateException("Spark assigned GPU " + assigned + " to this task, but PyTorch"
                    + " sees " + visible + " GPU(s) on this executor (CUDA natives or driver missing?)."
                    + " Refusing to fall back to the CPU; set device=cpu to run there on purpose.");
        }
        return Device.gpu(id);
    }

    private static String assignedGpu() {
        TaskContext ctx = TaskContext.get();
        if (ctx == null) {
            return null;
        }
        Map<String, ResourceInformation> resources = ctx.resourcesJMap();
        ResourceInformation gpu = resources.get("gpu");
        return gpu == null || gpu.addresses().length == 0 ? null : gpu.addresses()[0];
    }
}

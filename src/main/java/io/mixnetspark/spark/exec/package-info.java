/**
 * What runs inside Spark tasks: the per-JVM model cache ({@link
 * io.mixnetspark.spark.exec.ExecutorModels}), the device a task may use ({@link
 * io.mixnetspark.spark.exec.TaskDevice}), and batched inference with decoding overlapped ({@link
 * io.mixnetspark.spark.exec.BatchedLabeler}).
 */
package io.mixnetspark.spark.exec;
